"""Strings of the loss-comparison page (prefix "lc.")."""

STRINGS: dict[str, dict[str, str]] = {
    "lc.title": {"en": "Loss comparison: L2, L1 and Huber", "zh": "损失函数比较：L2、L1 与 Huber"},
    "lc.key_idea": {
        "en": "A loss decides how much each residual counts. L2 squares it, so far-away points "
              "dominate and the best constant is the mean; L1 counts it linearly, so the best "
              "constant is the median and an outlier barely matters; Huber is L2 within its "
              "threshold and L1 beyond.",
        "zh": "损失函数决定每个残差占多大分量。L2 把残差平方，离得远的点说了算，最优常数是均值；"
              "L1 按残差大小线性计入，最优常数是中位数，离群点几乎没有影响；Huber 在阈值以内像 L2，"
              "阈值以外像 L1。",
    },
    "lc.intro": {
        "en": "The book trains linear regression with the squared loss ½(y − y′)², and exercise 2 "
              "of section 3.3 (the concise implementation) asks you to swap in Huber's robust "
              "loss. This page puts the three side by side: their shapes and gradients, the noise "
              "each one assumes, the constant each one fits to a handful of numbers, and the line "
              "each one fits when some points are wrong. Huber's loss is written in two ways, the "
              "book's (threshold σ) and `torch.nn.HuberLoss`'s (threshold δ): choose one below. "
              "The threshold applies to the whole page.",
        "zh": "书中用平方损失 ½(y − y′)² 训练线性回归，3.3 节（线性回归的简洁实现）练习 2 让你换成 "
              "Huber 鲁棒损失。本页把三者放在一起比较：它们的形状和梯度、各自假设的噪声、各自给一组数"
              "拟合出的常数，以及部分数据出错时各自拟合出的直线。Huber 损失有两种写法：书中的（阈值 σ）"
              "和 `torch.nn.HuberLoss` 的（阈值 δ），可在下面切换。阈值作用于整页。",
    },
    "lc.form": {"en": "Huber's loss, written as", "zh": "Huber 损失的写法"},
    "lc.form.sigma": {"en": "the book's (σ) = SmoothL1Loss", "zh": "书中的（σ）= SmoothL1Loss"},
    "lc.form.delta": {"en": "HuberLoss (δ)", "zh": "HuberLoss（δ）"},
    "lc.form_help": {
        "en": "The book's loss with threshold σ is torch.nn.SmoothL1Loss(beta=σ); "
              "torch.nn.HuberLoss(delta=δ) is δ times SmoothL1Loss(beta=δ). Same minimisers, "
              "different slopes.",
        "zh": "书中阈值为 σ 的损失就是 torch.nn.SmoothL1Loss(beta=σ)；torch.nn.HuberLoss(delta=δ) "
              "等于 δ 乘以 SmoothL1Loss(beta=δ)。两者的最小值点相同，斜率不同。",
    },
    "lc.delta": {"en": "Huber's threshold {sym}", "zh": "Huber 阈值 {sym}"},
    "lc.delta_help.sigma": {
        "en": "Within ±σ the book's loss is r²/(2σ); beyond, it is |r| − σ/2, slope 1 like L1. "
              "At σ = 1 it equals HuberLoss(delta=1).",
        "zh": "在 ±σ 以内书中的损失是 r²/(2σ)；超出后是 |r| − σ/2，斜率为 1，与 L1 相同。"
              "σ = 1 时它与 HuberLoss(delta=1) 相同。",
    },
    "lc.delta_help.delta": {
        "en": "Within ±δ HuberLoss is the squared loss ½r²; beyond, it grows linearly with "
              "slope δ. At δ = 1 it equals the book's loss with σ = 1.",
        "zh": "在 ±δ 以内 HuberLoss 就是平方损失 ½r²；超出后以斜率 δ 线性增长。δ = 1 时它与书中 "
              "σ = 1 的损失相同。",
    },
    "lc.name.l2": {"en": "L2 (squared)", "zh": "L2（平方）"},
    "lc.name.l1": {"en": "L1 (absolute)", "zh": "L1（绝对值）"},
    "lc.name.huber": {"en": "Huber", "zh": "Huber"},

    # ---- section 1
    "lc.s1": {"en": "The three losses and their gradients", "zh": "三种损失及其梯度"},
    "lc.s1b": {"en": "The likelihood each loss implies", "zh": "每种损失对应的似然"},
    "lc.s1.book": {
        "en": "The book's Huber loss (d2l 3.3, exercise 2; English edition 3.5, exercise 2), "
              "with threshold σ:",
        "zh": "书中的 Huber 损失（《动手学深度学习》3.3 节练习 2），阈值为 σ：",
    },
    "lc.s1.intro": {
        "en": "With the target y = 0 the residual is r = y′ − y = y′, so each curve below is the "
              "loss of one prediction y′. The three losses, Huber's in the form chosen above:",
        "zh": "取目标 y = 0，残差 r = y′ − y = y′，因此下面每条曲线都是单个预测 y′ 的损失。"
              "三种损失如下，Huber 损失用上面选定的写法：",
    },
    "lc.torch_note": {
        "en": "**Which PyTorch class is the book's loss?** `torch.nn.SmoothL1Loss(beta=σ)` "
              "(`F.smooth_l1_loss`) is ½r²/β within β and |r| − β/2 beyond: exactly the book's "
              "loss with β = σ. `torch.nn.HuberLoss(delta=δ)` (`F.huber_loss`) is ½r² within δ "
              "and δ(|r| − δ/2) beyond, which is δ · `SmoothL1Loss(beta=δ)`: the same curve "
              "scaled by δ. So `HuberLoss(delta=σ)` is the book's loss only at σ = 1. Both have "
              "the same minimisers, but far out SmoothL1's slope is 1 (like L1) and HuberLoss's "
              "is δ, so the same learning rate takes different steps. Checked here, at the "
              "threshold set above, against the book's formula:",
        "zh": "**书中的损失是 PyTorch 的哪个类？** `torch.nn.SmoothL1Loss(beta=σ)`"
              "（`F.smooth_l1_loss`）在 β 以内为 ½r²/β，超出为 |r| − β/2：取 β = σ 正是书中的损失。"
              "`torch.nn.HuberLoss(delta=δ)`（`F.huber_loss`）在 δ 以内为 ½r²，超出为 "
              "δ(|r| − δ/2)，等于 δ · `SmoothL1Loss(beta=δ)`：同一条曲线放大 δ 倍。所以只有 σ = 1 "
              "时 `HuberLoss(delta=σ)` 才是书中的损失。两者的最小值点相同，但在远处 SmoothL1 的斜率"
              "是 1（与 L1 相同），HuberLoss 的斜率是 δ，同样的学习率会走出不同的步长。下面用上面设定的"
              "阈值，与书中的公式逐点核对：",
    },
    "lc.col.torch": {"en": "PyTorch", "zh": "PyTorch"},
    "lc.col.diff": {"en": "max |difference from the book's loss|, r ∈ [−{reach}, {reach}]",
                    "zh": "与书中损失之差的最大绝对值，r ∈ [−{reach}, {reach}]"},
    "lc.torch_check": {
        "en": "F.huber_loss(delta={s}) / F.smooth_l1_loss(beta={s}) = {ratio} on the same "
              "residuals: the factor is the threshold itself.",
        "zh": "在同样的残差上，F.huber_loss(delta={s}) / F.smooth_l1_loss(beta={s}) = {ratio}："
              "这个因子正是阈值本身。",
    },
    "lc.range": {"en": "Range of y′", "zh": "y′ 的范围"},
    "lc.range_empty": {
        "en": "The range is empty; it was widened by 1 on each side.",
        "zh": "范围为空，已向两侧各扩展 1。",
    },
    "lc.axis.y_hat": {"en": "prediction y′ (target y = 0)", "zh": "预测 y′（目标 y = 0）"},
    "lc.axis.loss": {"en": "loss l", "zh": "损失 l"},
    "lc.axis.grad": {"en": "gradient ∂l/∂y′", "zh": "梯度 ∂l/∂y′"},
    "lc.axis.density": {"en": "likelihood exp(−l)/Z", "zh": "似然 exp(−l)/Z"},
    "lc.own_scale": {"en": "own y scale: {lo} to {hi}", "zh": "纵轴单独标度：{lo} 到 {hi}"},
    "lc.delta_above": {"en": "Huber's {sym} = {delta}, set in the first section above.",
                       "zh": "Huber 的 {sym} = {delta}，在上面第 1 节中设置。"},
    "lc.chart.loss": {"en": "Loss l(y′)", "zh": "损失 l(y′)"},
    "lc.chart.grad": {"en": "Gradient ∂l/∂y′ (autograd)", "zh": "梯度 ∂l/∂y′（自动微分）"},
    "lc.chart.density": {"en": "Implied likelihood exp(−l)/Z", "zh": "对应的似然 exp(−l)/Z"},
    "lc.s1.grad_note.sigma": {
        "en": "**Gradients.** L2's gradient is r itself: a large residual pulls hard, and the "
              "pull fades to zero at the optimum, so gradient descent slows down and settles. "
              "L1's gradient is sign(r): ±1 however small the residual, so it never fades near "
              "the optimum and fixed-size steps keep overshooting. The book's Huber gradient is "
              "r/σ clipped to [−1, 1] (σ = {delta}): L2's behaviour near the optimum, L1's "
              "bounded pull far away. At ±σ (dashed) both its value and its slope are "
              "continuous; only the curvature jumps, from 1/σ to 0.",
        "zh": "**梯度。** L2 的梯度就是 r 本身：残差大则拉力大，到最优点拉力减为零，所以梯度下降会"
              "放慢并停稳。L1 的梯度是 sign(r)：无论残差多小都是 ±1，在最优点附近不会减小，固定步长"
              "会不断越过最优点。书中 Huber 损失的梯度是 r/σ 截断到 [−1, 1]（σ = {delta}）："
              "在最优点附近像 L2，远处像 L1 一样拉力有界。在 ±σ 处（虚线）函数值和斜率都连续，只有"
              "曲率从 1/σ 跳到 0。",
    },
    "lc.s1.grad_note.delta": {
        "en": "**Gradients.** L2's gradient is r itself: a large residual pulls hard, and the "
              "pull fades to zero at the optimum, so gradient descent slows down and settles. "
              "L1's gradient is sign(r): ±1 however small the residual, so it never fades near "
              "the optimum and fixed-size steps keep overshooting. HuberLoss's gradient is r "
              "clipped to [−{delta}, {delta}]: L2's behaviour near the optimum, a bounded pull "
              "of δ far away. At ±δ (dashed) both its value and its slope are continuous; only "
              "the curvature jumps, from 1 to 0.",
        "zh": "**梯度。** L2 的梯度就是 r 本身：残差大则拉力大，到最优点拉力减为零，所以梯度下降会"
              "放慢并停稳。L1 的梯度是 sign(r)：无论残差多小都是 ±1，在最优点附近不会减小，固定步长"
              "会不断越过最优点。HuberLoss 的梯度是把 r 截断到 [−{delta}, {delta}]：在最优点附近像 "
              "L2，远处的拉力以 δ 为界。在 ±δ 处（虚线）函数值和斜率都连续，只有曲率从 1 跳到 0。",
    },
    "lc.s1.density_note": {
        "en": "**Likelihoods.** Minimising a loss is maximising the likelihood "
              "$p(r) = \\exp(-l(r))/Z$ of the residuals. Normalised so that each integrates to 1, "
              "L2 gives the standard normal density, L1 the Laplace density ½·exp(−|r|) (the "
              "exponential noise of d2l 3.1, exercise 3), and Huber a density with a Gaussian "
              "middle and exponential tails. The heavier tails are why L1 and Huber are not "
              "thrown off by an outlier: under them a far-away residual is much more probable "
              "than under a Gaussian. The normalising constants, from the formula and checked by "
              "numerical integration:",
        "zh": "**似然。** 最小化损失就是最大化残差的似然 $p(r) = \\exp(-l(r))/Z$。归一化使积分为 1 "
              "后，L2 对应标准正态密度，L1 对应拉普拉斯密度 ½·exp(−|r|)（即 3.1 节练习 3 中的指数"
              "噪声），Huber 对应中间为高斯、两侧为指数尾部的密度。尾部更厚，正是 L1 和 Huber 不被"
              "离群点带偏的原因：按这两种分布，远处出现残差的概率比高斯分布大得多。归一化常数 Z 由公式"
              "算出，并用数值积分核对：",
    },
    "lc.col.loss": {"en": "Loss", "zh": "损失"},
    "lc.col.density": {"en": "Density exp(−l)/Z", "zh": "密度 exp(−l)/Z"},
    "lc.col.z_closed": {"en": "Z (formula)", "zh": "Z（公式）"},
    "lc.col.z_numeric": {"en": "Z (Simpson's rule)", "zh": "Z（辛普森法数值积分）"},
    "lc.col.z_diff": {"en": "relative difference", "zh": "相对差"},
    "lc.col.z_reach": {"en": "integrated over ±R, R =", "zh": "积分区间 ±R，R ="},
    "lc.z_caption": {
        "en": "The integral runs out to the R where the loss reaches {level}, so the tails left "
              "out hold less than e^−{level} of Z (a small threshold needs a wide window: its "
              "tails fall slowly), split where the loss has a kink.",
        "zh": "积分一直做到损失达到 {level} 的 R 处，因此略去的尾部不到 Z 的 e^−{level}"
              "（阈值越小，尾部衰减越慢，需要的区间越宽），并在损失的尖点处分段。",
    },
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
              "torch finds its constant by gradient descent. Type your own numbers, then move "
              "the outlier (the pink point) far away with the *Outlier position* slider.",
        "zh": "用一个常数 c 拟合几个数 x₁, …, xₙ，即最小化 $\\sum_i l(x_i - c)$。对 L2，导数 "
              "$\\sum_i (c - x_i)$ 在**均值**处为零。对 L1，导数是（c 以下的点数）−（c 以上的点数），"
              "在**中位数**处为零。Huber 损失在这里没有简单的解析解，于是用 torch 做梯度下降求出它的"
              "常数。"
              "输入你自己的数，再用“离群点位置”滑块把离群点（粉色的点）移到远处。",
    },
    "lc.data": {"en": "Data (numbers separated by commas or spaces)",
                "zh": "数据（用逗号或空格分隔的数）"},
    "lc.data_help": {
        "en": "Up to {limit} numbers; the outlier below is added to them.",
        "zh": "最多 {limit} 个数；下面的离群点会加入其中。",
    },
    "lc.outlier": {"en": "Outlier position", "zh": "离群点位置"},
    "lc.outlier_help": {
        "en": "One more data point (pink). Move it far away and watch which answers follow it.",
        "zh": "再加一个数据点。把它拖到远处，看看哪些答案会跟着它走。",
    },
    "lc.err.empty": {
        "en": "Type at least one number in the data field.",
        "zh": "请在数据框中至少输入一个数。",
    },
    "lc.err.not_number": {
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
              "same data without it). Drag the outlier: the mean follows it; the median stays "
              "put as long as the outlier stays on the same side of it.",
        "zh": "每个答案下方：它因离群点而移动了多少（与去掉离群点的同一组数据相比）。拖动离群点："
              "均值跟着它走；只要离群点一直在中位数的同一侧，中位数就不动。",
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
        "en": "Huber's constant: gradient descent (autograd, learning rate {lr}, starting from "
              "the mean) reached c = {c} after {steps} {steps:step|steps}, where the gradient "
              "is {grad}. A learning rate of {lr} is safe because the mean Huber loss curves by "
              "at most {curv}.",
        "zh": "Huber 的常数：梯度下降（自动微分，学习率 {lr}，从均值出发）经过 {steps} 步到达 "
              "c = {c}，此处梯度为 {grad}。学习率取 {lr} 是安全的，因为平均 Huber 损失的曲率不超过 "
              "{curv}。",
    },
    "lc.huber_between": {
        "en": "Here Huber's answer lies between the median and the mean: points within {sym} "
              "of c pull like L2, the far ones pull with a fixed force ({force}), like L1.",
        "zh": "这里 Huber 的答案位于中位数和均值之间：距 c 在 {sym} 以内的点像 L2 那样拉，远处的点"
              "像 L1 那样以固定的力（{force}）拉。",
    },
    "lc.huber_is_mean": {
        "en": "Here every point lies within {sym} = {delta} of Huber's constant (the farthest "
              "is {far} away), so every point pulls like L2 and Huber's answer is the mean "
              "itself: c = {c}, mean {mean}.",
        "zh": "这里每个点都在 Huber 常数的 {sym} = {delta} 以内（最远的相距 {far}），所以每个点都像 "
              "L2 那样拉，Huber 的答案就是均值本身：c = {c}，均值为 {mean}。",
    },
    "lc.huber_is_median": {
        "en": "Here {sym} = {delta} is so small that every point farther than that from c "
              "pulls with the fixed force {force}, like L1: Huber's answer is a median, c = {c} "
              "(median {median}).",
        "zh": "这里 {sym} = {delta} 很小，距 c 超过它的每个点都以固定的力 {force} 拉，像 L1 一样："
              "Huber 的答案是一个中位数，c = {c}（中位数为 {median}）。",
    },
    "lc.huber_counter": {
        "en": "Usually, not always: with the data {data} and the outlier at {outlier}, at "
              "{sym} = {delta}, Huber's constant is {c}, outside [median {median}, mean {mean}]. "
              "Type them in to see it.",
        "zh": "通常如此，但并非总是：数据为 {data}、离群点在 {outlier} 时，在 {sym} = {delta} 下 "
              "Huber 的常数是 {c}，不在 [中位数 {median}，均值 {mean}] 之内。输入这组数据试试。",
    },
    "lc.huber_outside": {
        "en": "Here Huber's answer is **not** between the median and the mean. Nothing forces it "
              "there: Huber balances the clipped residuals, Σ clip(xᵢ − c, −{sym}, {sym}) = 0, which "
              "weighs the points differently from the mean (every residual in full) and from the "
              "median (only the signs). It happens most easily when the mean and the median are "
              "close together, or when the points on one side sit just beyond {sym}.",
        "zh": "这里 Huber 的答案**不在**中位数和均值之间。并没有什么迫使它在那里：Huber 平衡的是"
              "截断后的残差，Σ clip(xᵢ − c, −{sym}, {sym}) = 0，它对各点的加权方式既不同于均值"
              "（残差全额计入），也不同于中位数（只看正负号）。当均值和中位数靠得很近，或者一侧的点"
              "恰好在 {sym} 之外时，最容易出现这种情况。",
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
              "uses {sym} = {delta}. Only the loss differs.",
        "zh": "三者都从 w = b = 0 出发，在平均损失上做同样 {steps} 步全批量梯度下降"
              "（torch.optim.SGD，学习率 {lr}）；Huber 取 {sym} = {delta}。唯一的区别是损失函数。",
    },
    "lc.chart.robust": {"en": "Data, true line and the three fitted lines",
                        "zh": "数据、真实直线与三条拟合直线"},
    "lc.legend.true": {"en": "true line", "zh": "真实直线"},
    "lc.legend.inlier": {"en": "inlier", "zh": "正常点"},
    "lc.chart.error": {"en": "Distance of (ŵ, b̂) from the truth after each step",
                       "zh": "每一步后 (ŵ, b̂) 与真实值的距离"},
    "lc.axis.step": {"en": "step", "zh": "步数"},
    "lc.axis.error": {"en": "distance ‖(ŵ, b̂) − (w, b)‖", "zh": "距离 ‖(ŵ, b̂) − (w, b)‖"},
    "lc.s3.note": {
        "en": "Why they differ: under L2 a point pulls on the line in proportion to its residual, "
              "so a few far-off points can outweigh all the others and tilt the line towards "
              "them. Under L1 each point pulls with at most 1 and under Huber with at most "
              "{force}, however far off it is, so as long as the outliers are few the inliers "
              "win. Whether they did here, after these steps, the table and the chart say:",
        "zh": "为什么不同：在 L2 下，每个点对直线的拉力与它的残差成正比，少数几个远处的点就能压过其他"
              "所有点，把直线拉向自己。在 L1 下每个点的拉力至多为 1，在 Huber 下至多为 {force}，"
              "无论它离得多远；所以只要离群点不多，正常点就占上风。这次运行的结果如何，看上表和误差图：",
    },
    "lc.s3.run": {
        "en": "In this run (k = {k} {k:outlier|outliers}) the fit closest to the true line is **{best}** "
              "(distance {e_best}), the farthest is **{worst}** ({e_worst}).",
        "zh": "这次运行（k = {k} 个离群点）中，离真实直线最近的是 **{best}**（距离 {e_best}），"
              "最远的是 **{worst}**（{e_worst}）。",
    },
    "lc.s3.moving": {
        "en": "Not settled yet after {steps} steps: {names} still moved noticeably in the last "
              "step, so more steps would change these lines.",
        "zh": "{steps} 步后还没有停稳：{names} 在最后一步仍有明显移动，再多走几步，这些直线还会变。",
    },

    # ---- section 4
    "lc.s4": {"en": "When to use which", "zh": "何时用哪一种"},
    "lc.s4.text": {
        "en": "- **L2** when the noise is roughly Gaussian: minimising it is then maximum "
              "likelihood, its answer is the mean, and its gradient shrinks smoothly to zero at "
              "the optimum. But one bad point can drag it anywhere: drag the outlier of section "
              "2 and watch the mean follow.\n"
              "- **L1** when some targets may be plain wrong: it fits the median and ignores how "
              "far away an outlier is. Its gradient does not shrink near the optimum, so pair it "
              "with a decaying learning rate.\n"
              "- **Huber** as the compromise: L2 within {sym} (smooth, settles at the optimum), L1 "
              "beyond (an outlier's pull is bounded). {sym} is where a residual starts to count "
              "as an outlier, in the units of y: choose it around the size of the normal noise. "
              "In PyTorch the book's form is `nn.SmoothL1Loss(beta=σ)`; `nn.HuberLoss(delta=δ)` "
              "is the same loss times δ.\n\n"
              "Why the squared loss is exactly right under Gaussian noise is the argument of the "
              "normal-distribution page:",
        "zh": "- **L2**：噪声大致服从高斯分布时使用。此时最小化它就是极大似然估计，答案是均值，梯度在"
              "最优点处平滑地减小到零。但一个坏点就能把它拉到任何地方：拖动第 2 节的离群点，看均值"
              "跟着走。\n"
              "- **L1**：部分目标值可能完全错误时使用。它拟合中位数，不在乎离群点离得有多远。它的梯度"
              "在最优点附近不会减小，所以要配合逐渐衰减的学习率。\n"
              "- **Huber**：两者的折中。{sym} 以内是 L2（光滑，能在最优点停稳），{sym} 以外是 L1"
              "（离群点的拉力有界）。{sym} 是残差开始被当作离群的位置，单位与 y 相同：取在正常噪声的"
              "量级附近。在 PyTorch 中，书中的写法是 `nn.SmoothL1Loss(beta=σ)`；"
              "`nn.HuberLoss(delta=δ)` 是同一个损失乘以 δ。\n\n"
              "为什么在高斯噪声下平方损失恰好是正确的选择，见正态分布一页的论证：",
    },
    "lc.s4.link": {
        "en": "Normal distribution & squared loss: it is Gaussian maximum likelihood",
        "zh": "正态分布与平方损失：平方损失就是高斯噪声下的极大似然",
    },

    # ---- exercises: where each comes from
    "lc.ex1.q": {
        "en": "*Source: d2l English edition 3.1, exercise 1.3 (the Chinese 2nd edition's 3.1 "
              "exercise 1 stops before it; its first two parts are on the normal-distribution "
              "page).* Given data x₁, …, xₙ, what if we change the loss from "
              "$\\sum_i (x_i - b)^2$ to $\\sum_i |x_i - b|$? Can you find the optimal b?",
        "zh": "*出处：英文版 d2l.ai 3.1 节练习 1 的第 3 问（中文第二版 3.1 节练习 1 只有前两问，"
              "它们在正态分布一页）。* 给定数据 x₁, …, xₙ，如果把损失从 $\\sum_i (x_i - b)^2$ 换成 "
              "$\\sum_i |x_i - b|$ 呢？你能求出最优的 b 吗？",
    },
    "lc.ex1.a": {
        "en": "Where it exists, the derivative is (number of points below b) − (number above "
              "b). It is negative left of the median and positive right of it, so the optimum "
              "is the median: the middle value for odd n, and for even n every b between the two "
              "middle values (the loss is flat there). Moving an outlier further out does not "
              "change which points are above or below, so the answer stays put: the L1 "
              "behaviour of section 2. It is the maximum-likelihood estimate under Laplace "
              "noise.",
        "zh": "在导数存在处，导数等于（b 以下的点数）−（b 以上的点数）。它在中位数左侧为负、右侧为"
              "正，所以最优解是中位数：n 为奇数时是正中间的数；n 为偶数时两个中间值之间的任何 b 都是"
              "最优解（损失在那里是平的）。把离群点移得更远并不改变哪些点在上、哪些点在下，所以答案"
              "不动：这就是第 2 节中 L1 的表现。它是拉普拉斯噪声下的极大似然估计。",
    },
    "lc.ex2.q": {
        "en": "*Source: d2l 3.1, exercise 3 (English edition: 3.1, exercise 5).* Assume the "
              "additive noise is exponential: p(ε) = ½·exp(−|ε|). Write out the negative "
              "log-likelihood −log P(y | X). Can you find an analytic solution? Suggest a "
              "minibatch SGD algorithm. What could go wrong near the stationary point as we keep "
              "updating the parameters, and how would you fix it?",
        "zh": "*出处：《动手学深度学习》（第二版）3.1 节练习 3。* 假设加性噪声服从指数分布："
              "p(ε) = ½·exp(−|ε|)。写出负对数似然 −log P(y | X)。能写出解析解吗？请给出一个小批量"
              "随机梯度下降算法。不断更新参数时，驻点附近会出什么问题？怎样解决？",
    },
    "lc.ex2.a": {
        "en": "−log P(y | X) = Σᵢ |yᵢ − wᵀxᵢ − b| + n·log 2: the L1 loss. There is no analytic "
              "solution (the objective is piecewise linear; it can be solved as a linear "
              "program, and for a constant model the answer is the median). Minibatch SGD uses "
              "the subgradient −sign(rᵢ)·xᵢ. Its size does not shrink as the residuals get "
              "small, so with a fixed learning rate the parameters keep jumping around the "
              "optimum (section 1's gradient chart). Fixes: let the learning rate decay (for "
              "example ∝ 1/√t), average the iterates, or smooth the kink with Huber's loss, "
              "whose gradient is proportional to r near zero.",
        "zh": "−log P(y | X) = Σᵢ |yᵢ − wᵀxᵢ − b| + n·log 2，即 L1 损失。它没有解析解（目标函数是"
              "分段线性的，可以化为线性规划求解；若模型只是一个常数，答案是中位数）。小批量随机梯度下降"
              "使用次梯度 −sign(rᵢ)·xᵢ。残差变小时它的大小并不减小，所以学习率固定时参数会在最优点"
              "附近来回跳动（见第 1 节的梯度图）。解决办法：让学习率逐渐衰减（例如 ∝ 1/√t）、对迭代"
              "结果取平均，或者用 Huber 损失把尖点磨平，它在零附近的梯度与 r 成正比。",
    },
    "lc.ex3.q": {
        "en": "*Source: d2l 3.3, exercise 2 (English edition: 3.5, exercise 2).* Look up the "
              "loss functions PyTorch provides, and replace the squared loss with Huber's "
              "robust loss: $|y - y'| - \\frac{\\sigma}{2}$ if $|y - y'| > \\sigma$, else "
              "$\\frac{1}{2\\sigma}(y - y')^2$. Which PyTorch class is it?",
        "zh": "*出处：《动手学深度学习》（第二版）3.3 节练习 2。* 查阅 PyTorch 提供了哪些损失函数，"
              "并用 Huber 损失代替平方损失：当 $|y - y'| > \\sigma$ 时为 "
              "$|y - y'| - \\frac{\\sigma}{2}$，否则为 $\\frac{1}{2\\sigma}(y - y')^2$。"
              "它是 PyTorch 的哪个类？",
    },
    "lc.ex3.a": {
        "en": "`nn.SmoothL1Loss(beta=σ)`, exactly, for every σ (section 1 checks it). "
              "`nn.HuberLoss(delta=σ)` is σ times it: the same minimisers, but its gradient is σ "
              "times larger, so it equals the book's loss only at σ = 1 (both defaults). In the "
              "training code, write `loss = nn.SmoothL1Loss(beta=sigma)` instead of "
              "`nn.MSELoss()`. Note that `nn.MSELoss` is r² without the book's ½, so the L2 loss "
              "of this page is `F.mse_loss` / 2.",
        "zh": "正是 `nn.SmoothL1Loss(beta=σ)`，对任何 σ 都成立（第 1 节做了核对）。"
              "`nn.HuberLoss(delta=σ)` 是它的 σ 倍：最小值点相同，梯度却是它的 σ 倍，所以只有 σ = 1"
              "（两者的默认值）时才与书中的损失相同。在训练代码中把 `nn.MSELoss()` 换成 "
              "`loss = nn.SmoothL1Loss(beta=sigma)` 即可。注意 `nn.MSELoss` 是 r²，没有书中的 ½，"
              "所以本页的 L2 损失是 `F.mse_loss` / 2。",
    },
}
