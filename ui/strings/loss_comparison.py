"""Strings of the loss-comparison page (prefix "lc.")."""

STRINGS: dict[str, dict[str, str]] = {
    "lc.title": {"en": "Loss comparison: L2, L1 and Huber", "zh": "损失函数比较：L2、L1 与 Huber"},
    "lc.key_idea": {
        "en": "A loss decides how much a residual counts. L2 squares it, so far-away points "
              "dominate and the best constant is the mean; L1 counts it linearly, so the best "
              "constant is the median and an outlier barely matters; Huber is L2 within δ and "
              "L1 beyond.",
        "zh": "损失函数决定了一个残差有多大分量。L2 把残差平方，远处的点占主导，最优常数是均值；"
              "L1 按绝对值线性计入，最优常数是中位数，离群点几乎不起作用；Huber 在 δ 以内是 L2，"
              "超出 δ 是 L1。",
    },
    "lc.intro": {
        "en": "The book trains linear regression with the squared loss ½(y − y′)², and in the "
              "exercises of the concise-implementation section asks you to swap in Huber's robust "
              "loss. This page puts the three side by side: their shapes and gradients, the noise "
              "each one assumes, the constant each one fits to a handful of numbers, and the line "
              "each one fits when some points are wrong. The threshold δ below applies to the "
              "whole page.",
        "zh": "书中用平方损失 ½(y − y′)² 训练线性回归，并在“线性回归的简洁实现”一节的练习中让你换成 "
              "Huber 鲁棒损失。本页把三者并排比较：它们的形状和梯度、各自假设的噪声、各自给一组数拟合"
              "出的常数，以及部分数据出错时各自拟合出的直线。下面的阈值 δ 作用于整页。",
    },
    "lc.delta": {"en": "Huber's threshold δ", "zh": "Huber 阈值 δ"},
    "lc.delta_help": {
        "en": "Within ±δ Huber's loss is the squared loss; beyond, it grows linearly with slope "
              "δ. δ = 1 is the book's version.",
        "zh": "在 ±δ 以内 Huber 损失就是平方损失；超出后以斜率 δ 线性增长。δ = 1 即书中的版本。",
    },
    "lc.name.l2": {"en": "L2 (squared)", "zh": "L2（平方）"},
    "lc.name.l1": {"en": "L1 (absolute)", "zh": "L1（绝对值）"},
    "lc.name.huber": {"en": "Huber", "zh": "Huber"},

    # ---- section 1
    "lc.s1": {"en": "The three losses, their gradients and likelihoods",
              "zh": "三种损失、它们的梯度与似然"},
    "lc.s1.intro": {
        "en": "With the target y = 0 the residual is r = y′ − y = y′, so each curve below is the "
              "loss of one prediction y′. The book writes Huber's loss as |y − y′| − ½ when "
              "|y − y′| > 1 and ½(y − y′)² otherwise; the δ slider generalises the threshold 1:",
        "zh": "取目标 y = 0，残差 r = y′ − y = y′，因此下面每条曲线都是单个预测 y′ 的损失。书中把 "
              "Huber 损失写成：当 |y − y′| > 1 时为 |y − y′| − ½，否则为 ½(y − y′)²；滑块 δ "
              "把阈值 1 推广为任意值：",
    },
    "lc.torch_note": {
        "en": "**How this relates to PyTorch.** `torch.nn.HuberLoss(delta=δ)` (and "
              "`F.huber_loss`) is exactly $l_\\delta$ above. `torch.nn.SmoothL1Loss(beta=β)` is "
              "½r²/β within β and |r| − β/2 beyond, that is $l_\\beta(r)/\\beta$: the same curve "
              "divided by β. So for δ = β = 1 the book's loss, `HuberLoss()` and `SmoothL1Loss()` "
              "coincide; in general `SmoothL1Loss(beta=δ)` = `HuberLoss(delta=δ)` / δ. The division "
              "keeps SmoothL1's slope far out at 1 (like L1), while Huber's slope there is δ.",
        "zh": "**与 PyTorch 的关系。** `torch.nn.HuberLoss(delta=δ)`（以及 `F.huber_loss`）正好就是"
              "上面的 $l_\\delta$。`torch.nn.SmoothL1Loss(beta=β)` 在 β 以内为 ½r²/β，超出为 "
              "|r| − β/2，即 $l_\\beta(r)/\\beta$：同一条曲线除以 β。因此当 δ = β = 1 时，书中的损失、"
              "`HuberLoss()` 和 `SmoothL1Loss()` 三者相同；一般地 `SmoothL1Loss(beta=δ)` = "
              "`HuberLoss(delta=δ)` / δ。除以 β 使 SmoothL1 在远处的斜率保持为 1（与 L1 相同），"
              "而 Huber 在远处的斜率是 δ。",
    },
    "lc.range": {"en": "Range of y′", "zh": "y′ 的范围"},
    "lc.range_empty": {
        "en": "The range is empty; it was widened by 1 on each side.",
        "zh": "范围为空，已向两侧各扩展 1。",
    },
    "lc.axis.y_hat": {"en": "prediction y′ (target y = 0)", "zh": "预测 y′（目标 y = 0）"},
    "lc.chart.loss": {"en": "Loss l(y′)", "zh": "损失 l(y′)"},
    "lc.chart.grad": {"en": "Gradient ∂l/∂y′ (autograd)", "zh": "梯度 ∂l/∂y′（自动微分）"},
    "lc.chart.density": {"en": "Implied likelihood exp(−l)/Z", "zh": "对应的似然 exp(−l)/Z"},
    "lc.s1.grad_note": {
        "en": "**Gradients.** L2's gradient is r itself: a large residual pulls hard, and the "
              "pull fades to zero at the optimum, so gradient descent slows down and settles. "
              "L1's gradient is sign(r): ±1 however small the residual, so it never fades near "
              "the optimum and fixed-size steps keep overshooting. Huber's gradient is r clipped "
              "to [−{delta}, {delta}]: L2's behaviour near the optimum, L1's bounded pull far "
              "away. At ±δ (dashed) both its value and its slope are continuous; only the "
              "curvature jumps.",
        "zh": "**梯度。** L2 的梯度就是 r 本身：残差大则拉力大，到最优点拉力逐渐减为零，所以梯度下降"
              "会放慢并停稳。L1 的梯度是 sign(r)：无论残差多小都是 ±1，在最优点附近不会减小，固定步长"
              "会不断越过最优点。Huber 的梯度是把 r 截断到 [−{delta}, {delta}]：在最优点附近像 L2，"
              "远处像 L1 一样拉力有界。在 ±δ 处（虚线）函数值和斜率都连续，只有曲率发生跳变。",
    },
    "lc.s1.density_note": {
        "en": "**Likelihoods.** Minimising a loss is maximising the likelihood "
              "$p(r) = \\exp(-l(r))/Z$ of the residuals. Normalised so that each integrates to 1, "
              "L2 gives the standard normal density, L1 the Laplace density ½·exp(−|r|) (the "
              "exponential noise of the book's exercise), and Huber a density with a Gaussian "
              "middle and exponential tails. The heavier tails are why L1 and Huber are not "
              "shocked by an outlier: under them a far-away residual is much more probable than "
              "under a Gaussian. The normalising constants, in closed form and checked "
              "numerically:",
        "zh": "**似然。** 最小化损失就是最大化残差的似然 $p(r) = \\exp(-l(r))/Z$。归一化使积分为 1 "
              "后，L2 对应标准正态密度，L1 对应拉普拉斯密度 ½·exp(−|r|)（即书中练习里的指数噪声），"
              "Huber 对应中间为高斯、两侧为指数尾部的密度。尾部更厚，正是 L1 和 Huber 不会被离群点"
              "“吓到”的原因：在它们之下，远处的残差比在高斯分布下可能得多。归一化常数（闭式解，"
              "并用数值积分核对）：",
    },
    "lc.col.loss": {"en": "Loss", "zh": "损失"},
    "lc.col.density": {"en": "Density exp(−l)/Z", "zh": "密度 exp(−l)/Z"},
    "lc.col.z_closed": {"en": "Z (closed form)", "zh": "Z（闭式解）"},
    "lc.col.z_numeric": {"en": "Z (trapezoid rule)", "zh": "Z（梯形法数值积分）"},
    "lc.density.l2": {"en": "Gaussian 𝒩(0, 1)", "zh": "高斯分布 𝒩(0, 1)"},
    "lc.density.l1": {"en": "Laplace(0, 1)", "zh": "拉普拉斯分布 Laplace(0, 1)"},
    "lc.density.huber": {"en": "Gaussian middle, exponential tails",
                         "zh": "中间为高斯，两侧为指数尾部"},

    # ---- section 2
    "lc.s2": {"en": "Mean versus median", "zh": "均值与中位数"},
    "lc.s2.intro": {
        "en": "Fit one constant c to a few numbers x₁, …, xₙ by minimising "
              "$\\sum_i l(x_i - c)$. For L2 the derivative $\\sum_i (c - x_i)$ vanishes at the "
              "**mean**. For L1 the derivative is (number of points below c) − (number above "
              "c), which is zero at the **median**. Huber's loss has no closed form here, so "
              "torch finds its constant by gradient descent. Type your own numbers, then drag "
              "the outlier (the purple point) far away.",
        "zh": "用一个常数 c 拟合几个数 x₁, …, xₙ，即最小化 $\\sum_i l(x_i - c)$。对 L2，导数 "
              "$\\sum_i (c - x_i)$ 在**均值**处为零。对 L1，导数是（c 以下的点数）−（c 以上的点数），"
              "在**中位数**处为零。Huber 损失在这里没有闭式解，于是用 torch 做梯度下降求出它的常数。"
              "输入你自己的数，再把离群点（紫色的点）拖到远处。",
    },
    "lc.data": {"en": "Data (numbers separated by commas or spaces)",
                "zh": "数据（用逗号或空格分隔的数）"},
    "lc.data_help": {
        "en": "Up to {limit} numbers; the outlier below is added to them.",
        "zh": "最多 {limit} 个数；下面的离群点会加入其中。",
    },
    "lc.outlier": {"en": "Outlier position", "zh": "离群点位置"},
    "lc.outlier_help": {
        "en": "One more data point. Drag it far away and watch which answers follow it.",
        "zh": "再加一个数据点。把它拖到远处，看看哪些答案会跟着它走。",
    },
    "lc.err.empty": {
        "en": "Type at least one number in the data field.",
        "zh": "请在数据框中至少输入一个数。",
    },
    "lc.err.not_a_number": {
        "en": "“{token}” is not a number. Type numbers such as 3, -1.5 or 2e3, separated by "
              "commas or spaces.",
        "zh": "“{token}”不是数。请输入 3、-1.5 或 2e3 这样的数，用逗号或空格分隔。",
    },
    "lc.err.not_finite": {
        "en": "“{token}” is not a finite number: infinity and NaN have no mean or median to show.",
        "zh": "“{token}”不是有限数：无穷大和 NaN 没有可显示的均值或中位数。",
    },
    "lc.err.too_large": {
        "en": "“{token}” is too large: keep every number within ±{largest}.",
        "zh": "“{token}”太大：每个数的绝对值请不超过 {largest}。",
    },
    "lc.err.too_many": {
        "en": "{token} numbers are too many: type at most {limit}.",
        "zh": "{token} 个数太多了：最多输入 {limit} 个。",
    },
    "lc.metric_help": {
        "en": "The small number is how far this answer moved because of the outlier.",
        "zh": "小字表示这个答案因离群点而移动了多少。",
    },
    "lc.metric_caption": {
        "en": "Under each answer: how far it moved because of the outlier (compared with the "
              "same data without it). Drag the outlier: the mean follows it, the median stays.",
        "zh": "每个答案下方：它因离群点而移动了多少（与去掉离群点的同一组数据相比）。拖动离群点："
              "均值跟着它走，中位数留在原地。",
    },
    "lc.chart.constants": {"en": "The data and the constant each loss fits",
                           "zh": "数据与每种损失拟合出的常数"},
    "lc.axis.value": {"en": "value", "zh": "数值"},
    "lc.legend.data": {"en": "data", "zh": "数据"},
    "lc.legend.outlier": {"en": "outlier", "zh": "离群点"},
    "lc.median_odd": {
        "en": "n = {n} is odd: the L1 answer is the middle value, {median}.",
        "zh": "n = {n} 为奇数：L1 的答案就是正中间的数 {median}。",
    },
    "lc.median_even": {
        "en": "n = {n} is even: every c between the two middle values, {low} and {high}, "
              "minimises Σ|xᵢ − c| (the shaded band; the objective is flat there). We report "
              "the midpoint {mid}, as numpy.median does; torch.median would report the lower "
              "one, {low}.",
        "zh": "n = {n} 为偶数：两个中间值 {low} 与 {high} 之间的任何 c 都使 Σ|xᵢ − c| 最小"
              "（阴影带；目标函数在那里是平的）。我们报告中点 {mid}，与 numpy.median 相同；"
              "torch.median 则会报告较小的那个 {low}。",
    },
    "lc.huber_gd": {
        "en": "Huber's constant: gradient descent (autograd, learning rate 1, starting from the "
              "mean) reached c = {c} after {steps} steps, where the gradient is {grad}. A "
              "learning rate of 1 is safe because the mean Huber loss curves by at most 1.",
        "zh": "Huber 的常数：梯度下降（自动微分，学习率 1，从均值出发）经过 {steps} 步到达 "
              "c = {c}，此处梯度为 {grad}。学习率取 1 是安全的，因为平均 Huber 损失的曲率不超过 1。",
    },
    "lc.huber_between": {
        "en": "Here Huber's answer lies between the median and the mean: points within δ of c "
              "pull like L2, the far ones pull with a fixed force δ, like L1. (Usually, not "
              "always: try the data −2, −2, 0, 0.01 with the outlier at 50.)",
        "zh": "这里 Huber 的答案位于中位数和均值之间：距 c 在 δ 以内的点像 L2 那样拉，远处的点"
              "像 L1 那样以固定的力 δ 拉。（通常如此，但并非总是：试试数据 −2, −2, 0, 0.01，"
              "离群点放在 50。）",
    },
    "lc.huber_outside": {
        "en": "Here Huber's answer is **not** between the median and the mean. Nothing forces it "
              "there: Huber balances the clipped residuals, Σ clip(xᵢ − c, −δ, δ) = 0, which "
              "weighs the points differently from the mean (every residual in full) and from the "
              "median (only the signs). It happens most easily when the mean and the median are "
              "close together, or when the points on one side sit just beyond δ.",
        "zh": "这里 Huber 的答案**不在**中位数和均值之间。并没有什么迫使它在那里：Huber 平衡的是"
              "截断后的残差，Σ clip(xᵢ − c, −δ, δ) = 0，它对各点的加权方式既不同于均值（残差全额"
              "计入），也不同于中位数（只看正负号）。当均值和中位数靠得很近，或者一侧的点恰好在 δ "
              "之外时，最容易出现这种情况。",
    },
    "lc.axis.objective": {"en": "mean loss J(c)", "zh": "平均损失 J(c)"},
    "lc.s2.objective_note": {
        "en": "Each panel is J(c) = (1/n) Σᵢ l(xᵢ − c), with its minimiser dashed. L2's is a "
              "parabola; L1's is piecewise linear with corners at the data points (flat between "
              "the two middle points when n is even); Huber's is smooth like L2 near the data "
              "and straight like L1 further out.",
        "zh": "每个小图是 J(c) = (1/n) Σᵢ l(xᵢ − c)，虚线标出最小值点。L2 的是抛物线；L1 的是分段"
              "线性的，拐点在各数据点上（n 为偶数时在两个中间点之间是平的）；Huber 的在数据附近像 "
              "L2 一样光滑，远处像 L1 一样是直线。",
    },

    # ---- section 3
    "lc.s3": {"en": "Robust regression", "zh": "鲁棒回归"},
    "lc.s3.intro": {
        "en": "{n} points on the line y = {w}x + {b} plus Gaussian noise. The first k of them sit "
              "at the right end (x between 1.5 and 3) and are shifted by a fixed amount, as if "
              "one sensor were broken. Each loss fits a line to all {n} points.",
        "zh": "直线 y = {w}x + {b} 上的 {n} 个点，加上高斯噪声。其中 k 个点位于右端（x 在 1.5 到 3 "
              "之间），并被平移了固定的量，就像某个传感器坏了一样。每种损失都用全部 {n} 个点拟合"
              "一条直线。",
    },
    "lc.k": {"en": "Number of outliers k", "zh": "离群点个数 k"},
    "lc.shift": {"en": "Outlier shift", "zh": "离群点偏移量"},
    "lc.noise": {"en": "Noise σ", "zh": "噪声 σ"},
    "lc.steps": {"en": "Gradient-descent steps", "zh": "梯度下降步数"},
    "lc.s3.how": {
        "en": "All three start at w = b = 0 and take the same {steps} steps of full-batch "
              "gradient descent (torch.optim.SGD, learning rate {lr}) on the mean loss; Huber "
              "uses δ = {delta}. Only the loss differs.",
        "zh": "三者都从 w = b = 0 出发，在平均损失上做同样 {steps} 步全批量梯度下降"
              "（torch.optim.SGD，学习率 {lr}）；Huber 取 δ = {delta}。唯一的区别是损失函数。",
    },
    "lc.chart.robust": {"en": "Data, true line and the three fitted lines",
                        "zh": "数据、真实直线与三条拟合直线"},
    "lc.legend.true": {"en": "true line", "zh": "真实直线"},
    "lc.legend.inlier": {"en": "inlier", "zh": "正常点"},
    "lc.chart.error": {"en": "Distance of (ŵ, b̂) from the truth after each step",
                       "zh": "每一步后 (ŵ, b̂) 与真实值的距离"},
    "lc.axis.step": {"en": "step", "zh": "步数"},
    "lc.axis.error": {"en": "‖(ŵ, b̂) − (w, b)‖", "zh": "‖(ŵ, b̂) − (w, b)‖"},
    "lc.s3.note": {
        "en": "The L2 line tilts towards the outliers: their residuals are squared, so a few "
              "points outweigh all the others. L1 and Huber give each outlier a bounded pull (1 "
              "or δ per point), so the inliers win and the line stays close to the true one. On "
              "the error chart L2 converges fast, but to the wrong line. With k = 0 all three "
              "agree up to noise; with very many outliers even L1 and Huber give way.",
        "zh": "L2 的直线向离群点倾斜：它们的残差被平方，少数几个点就压过了其他所有点。L1 和 Huber "
              "对每个离群点的拉力有界（每点 1 或 δ），所以正常点占上风，直线仍贴近真实直线。在误差"
              "图上，L2 收敛得很快，却收敛到了错误的直线。k = 0 时三者只差噪声带来的误差；离群点"
              "非常多时，L1 和 Huber 也会被拉偏。",
    },

    # ---- section 4
    "lc.s4": {"en": "When to use which", "zh": "何时用哪一种"},
    "lc.s4.text": {
        "en": "- **L2** when the noise is roughly Gaussian: minimising it is then maximum "
              "likelihood, its answer is the mean, and its gradient shrinks smoothly to zero at "
              "the optimum. But one bad point can drag it anywhere, as the outlier slider showed.\n"
              "- **L1** when some targets may be plain wrong: it fits the median and ignores how "
              "far away an outlier is. Its gradient does not shrink near the optimum, so pair it "
              "with a decaying learning rate.\n"
              "- **Huber** as the compromise: L2 within δ (smooth, settles at the optimum), L1 "
              "beyond (an outlier's pull is bounded). δ is where a residual starts to count as an "
              "outlier, in the units of y: choose it around the size of the normal noise.\n\n"
              "Why the squared loss is exactly right under Gaussian noise is the argument of the "
              "normal-distribution page:",
        "zh": "- **L2**：噪声大致服从高斯分布时使用。此时最小化它就是极大似然估计，答案是均值，梯度在"
              "最优点处平滑地减小到零。但正如离群点滑块所示，一个坏点就能把它拉到任何地方。\n"
              "- **L1**：部分目标值可能完全错误时使用。它拟合中位数，不在乎离群点离得有多远。它的梯度"
              "在最优点附近不会减小，所以要配合逐渐衰减的学习率。\n"
              "- **Huber**：两者的折中。δ 以内是 L2（光滑，能在最优点停稳），δ 以外是 L1（离群点的"
              "拉力有界）。δ 是残差开始被当作离群的位置，单位与 y 相同：取在正常噪声的量级附近。\n\n"
              "为什么在高斯噪声下平方损失恰好是正确的选择，见正态分布一页的论证：",
    },
    "lc.s4.link": {
        "en": "Normal distribution & MSE: squared loss is Gaussian maximum likelihood",
        "zh": "正态分布与均方误差：平方损失就是高斯噪声下的极大似然",
    },

    # ---- exercises (d2l: linear regression; concise implementation)
    "lc.ex1.q": {
        "en": "(Linear regression) Given data x₁, …, xₙ ∈ ℝ, find analytically the constant b "
              "that minimises $\\sum_i (x_i - b)^2$. How do this problem and its solution relate "
              "to the normal distribution?",
        "zh": "（线性回归）给定数据 x₁, …, xₙ ∈ ℝ，求使 $\\sum_i (x_i - b)^2$ 最小的常数 b 的解析解。"
              "这个问题及其解与正态分布有什么关系？",
    },
    "lc.ex1.a": {
        "en": "Setting the derivative $\\sum_i 2(b - x_i)$ to zero gives b = (1/n) Σᵢ xᵢ, the "
              "mean. If xᵢ ~ 𝒩(b, σ²), the negative log-likelihood is "
              "$\\frac{1}{2\\sigma^2}\\sum_i (x_i - b)^2 + n \\log\\sqrt{2\\pi\\sigma^2}$, so "
              "minimising the squared loss is the maximum-likelihood estimate of the Gaussian's "
              "mean: the L2 answer in section 2.",
        "zh": "令导数 $\\sum_i 2(b - x_i)$ 为零，得 b = (1/n) Σᵢ xᵢ，即均值。若 xᵢ ~ 𝒩(b, σ²)，负对数"
              "似然为 $\\frac{1}{2\\sigma^2}\\sum_i (x_i - b)^2 + n \\log\\sqrt{2\\pi\\sigma^2}$，"
              "所以最小化平方损失就是高斯分布均值的极大似然估计，也就是第 2 节中 L2 的答案。",
    },
    "lc.ex2.q": {
        "en": "(Linear regression) What if we change the loss to $\\sum_i |x_i - b|$? Can you "
              "find the optimal b?",
        "zh": "（线性回归）如果把损失换成 $\\sum_i |x_i - b|$ 呢？你能求出最优的 b 吗？",
    },
    "lc.ex2.a": {
        "en": "Where it exists, the derivative is (number of points below b) − (number above "
              "b). It is negative left of the median and positive right of it, so the optimum "
              "is the median: the middle value for odd n, and for even n every b between the two "
              "middle values (the loss is flat there). Moving an outlier further out does not "
              "change which points are above or below, so the answer stays put: the L1 "
              "behaviour of section 2.",
        "zh": "在导数存在处，导数等于（b 以下的点数）−（b 以上的点数）。它在中位数左侧为负、右侧为"
              "正，所以最优解是中位数：n 为奇数时是正中间的数；n 为偶数时两个中间值之间的任何 b 都是"
              "最优解（损失在那里是平的）。把离群点移得更远并不改变哪些点在上、哪些点在下，所以答案"
              "不动：这就是第 2 节中 L1 的表现。",
    },
    "lc.ex3.q": {
        "en": "(Linear regression) Assume the additive noise is exponential: "
              "p(ε) = ½·exp(−|ε|). Write out the negative log-likelihood −log P(y | X). Can you "
              "find a closed-form solution? Suggest a minibatch SGD algorithm. What could go "
              "wrong near the stationary point as we keep updating the parameters, and how would "
              "you fix it?",
        "zh": "（线性回归）假设加性噪声服从指数分布：p(ε) = ½·exp(−|ε|)。写出负对数似然 "
              "−log P(y | X)。能求出闭式解吗？请给出一个小批量随机梯度下降算法。持续更新参数时，"
              "在驻点附近可能出什么问题？怎样解决？",
    },
    "lc.ex3.a": {
        "en": "−log P(y | X) = Σᵢ |yᵢ − wᵀxᵢ − b| + n·log 2: the L1 loss. There is no closed form "
              "(the objective is piecewise linear; it can be solved as a linear program). "
              "Minibatch SGD uses the subgradient −sign(rᵢ)·xᵢ. Its size does not shrink as the "
              "residuals get small, so with a fixed learning rate the parameters keep jumping "
              "around the optimum (section 1's gradient chart). Fixes: let the learning rate "
              "decay (for example ∝ 1/√t), or smooth the kink with Huber's loss, whose gradient "
              "is r near zero.",
        "zh": "−log P(y | X) = Σᵢ |yᵢ − wᵀxᵢ − b| + n·log 2，即 L1 损失。它没有闭式解（目标函数是"
              "分段线性的，可以化为线性规划求解）。小批量随机梯度下降使用次梯度 −sign(rᵢ)·xᵢ。"
              "残差变小时它的大小并不减小，所以在固定学习率下参数会在最优点附近来回跳动（见第 1 节"
              "的梯度图）。解决办法：让学习率逐渐衰减（例如 ∝ 1/√t），或者用 Huber 损失把尖点"
              "磨平，它在零附近的梯度是 r。",
    },
    "lc.ex4.q": {
        "en": "(Concise implementation) Look up the loss functions PyTorch provides, and replace "
              "the squared loss with Huber's robust loss: |y − y′| − ½ if |y − y′| > 1, else "
              "½(y − y′)². Which PyTorch class is it?",
        "zh": "（线性回归的简洁实现）查阅 PyTorch 提供了哪些损失函数，并用 Huber 鲁棒损失代替平方损失："
              "当 |y − y′| > 1 时为 |y − y′| − ½，否则为 ½(y − y′)²。它对应 PyTorch 的哪个类？",
    },
    "lc.ex4.a": {
        "en": "`nn.HuberLoss()` (default delta=1.0) is exactly this loss, and so is "
              "`nn.SmoothL1Loss()` (default beta=1.0). For other thresholds they differ by a "
              "factor: `SmoothL1Loss(beta=δ)` = `HuberLoss(delta=δ)` / δ. In the training code, "
              "write `loss = nn.HuberLoss()` instead of `nn.MSELoss()`. Note that `nn.MSELoss` "
              "is r² without the book's ½, so the L2 loss of this page is `F.mse_loss` / 2.",
        "zh": "`nn.HuberLoss()`（默认 delta=1.0）正是这个损失，`nn.SmoothL1Loss()`（默认 beta=1.0）"
              "也是。阈值取其他值时二者相差一个因子：`SmoothL1Loss(beta=δ)` = `HuberLoss(delta=δ)` / δ。"
              "在训练代码中把 `nn.MSELoss()` 换成 `loss = nn.HuberLoss()` 即可。注意 `nn.MSELoss` "
              "是 r²，没有书中的 ½，所以本页的 L2 损失是 `F.mse_loss` / 2。",
    },
}
