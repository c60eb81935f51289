"""Strings of the page "Normal distribution & squared loss" (prefix nm.)."""

STRINGS: dict[str, dict[str, str]] = {
    "nm.title": {"en": "The normal distribution and squared loss",
                 "zh": "正态分布与平方损失"},
    "nm.key_idea": {
        "en": "When the noise is Gaussian, maximising the likelihood of the data is the same as "
              "minimising the squared error. The noise level σ changes the height and the "
              "steepness of the negative log-likelihood, never where its minimum is.",
        "zh": "当噪声服从高斯分布时，最大化数据的似然就等价于最小化平方误差。噪声水平 σ "
              "只改变负对数似然的高度和陡峭程度，从不改变其最小值所在的位置。",
    },
    "nm.intro": {
        "en": "Section 3.1 of *Dive into Deep Learning* motivates the squared loss with a "
              "probabilistic argument. This page lets you check it with your own hands: first the "
              "normal density itself, then data with Gaussian noise and the losses it implies, "
              "then the derivation, and finally what the residuals look like when the noise is "
              "*not* Gaussian.",
        "zh": "《动手学深度学习》3.1 节用一个概率论证来说明为什么使用平方损失。本页让你亲手验证它："
              "先看正态密度本身，再看带高斯噪声的数据及其对应的损失，然后是推导过程，"
              "最后看看噪声*不*服从高斯分布时残差是什么样子。",
    },

    # ---- 1. the density
    "nm.s1": {"en": "1. The normal density", "zh": "1. 正态分布的密度"},
    "nm.s1_intro": {
        "en": "A normal (Gaussian) random variable with mean $\\mu$ and standard deviation "
              "$\\sigma > 0$ has the density",
        "zh": "均值为 $\\mu$、标准差为 $\\sigma > 0$ 的正态（高斯）随机变量，其概率密度为",
    },
    "nm.curves": {"en": "Number of curves", "zh": "曲线条数"},
    "nm.curves_help": {
        "en": "Add or remove curves; the first three start at d2l's "
              "(μ, σ) = (0, 1), (0, 2), (3, 1).",
        "zh": "增加或删除曲线；前三条的初始值就是书中的 (μ, σ) = (0, 1)、(0, 2)、(3, 1)。",
    },
    "nm.curve_mu": {"en": "Curve {i}: μ", "zh": "曲线 {i}：μ"},
    "nm.curve_sigma": {"en": "Curve {i}: σ", "zh": "曲线 {i}：σ"},
    "nm.density_px": {"en": "density p(x)", "zh": "密度 p(x)"},
    "nm.sigma_positive": {
        "en": "σ must stay positive: at σ = 0 the density would be infinitely tall and thin.",
        "zh": "σ 必须为正：σ = 0 时密度会变得无限高、无限窄。",
    },
    "nm.peak": {"en": "Peak heights $1/(\\sigma\\sqrt{{2\\pi}})$, curve by curve: **{peak}**",
                "zh": "各曲线的峰值高度 $1/(\\sigma\\sqrt{{2\\pi}})$：**{peak}**"},
    "nm.curve_label": {"en": "{i}: μ = {mu}, σ = {sigma}", "zh": "{i}：μ = {mu}，σ = {sigma}"},
    "nm.legend_curves": {"en": "Curve", "zh": "曲线"},
    "nm.s1_caption": {
        "en": "What to see: changing μ slides the curve left or right without changing its shape. "
              "A larger σ spreads the curve out and lowers its peak, because the area under every "
              "curve is 1: doubling σ halves the peak height (the number above each peak).",
        "zh": "请观察：改变 μ 会让曲线左右平移，形状不变。σ 越大，曲线越分散、峰越低，"
              "因为每条曲线下的面积都是 1：σ 加倍，峰值高度（每个峰上方的数字）减半。",
    },
    "nm.prob_title": {"en": "Density is not probability", "zh": "密度不是概率"},
    "nm.prob_text": {
        "en": "For a continuous $X$, $p(x)$ is a **density**: probability per unit of $x$. "
              "Any single value has probability $P(X = x) = 0$; only the area under $p$ over "
              "an interval is a probability, $P(a \\le X \\le b) = \\int_a^b p(x)\\,dx$, "
              "and the whole area is 1. So a density may exceed 1, a probability never does. "
              "Pick an interval for curve 1 (its μ and σ are set above):",
        "zh": "对连续的 $X$，$p(x)$ 是**概率密度**：每单位 $x$ 上的概率。任何单个取值的概率都是 "
              "$P(X = x) = 0$；只有 $p$ 在一个区间上的面积才是概率，"
              "$P(a \\le X \\le b) = \\int_a^b p(x)\\,dx$，全部面积为 1。所以密度可以大于 1，"
              "概率却不会。为曲线 1 选一个区间（它的 μ 和 σ 在上面设置）：",
    },
    "nm.interval": {"en": "Interval [a, b]", "zh": "区间 [a, b]"},
    "nm.interval_help": {
        "en": "The probability that X ~ N(μ₁, σ₁²) falls in it is the shaded area.",
        "zh": "X ~ N(μ₁, σ₁²) 落在其中的概率就是阴影部分的面积。",
    },
    "nm.interval_desc": {
        "en": "Curve 1's density with the area over [{a}, {b}] shaded: probability {prob}. A "
              "dashed line marks the height 1.",
        "zh": "曲线 1 的密度，[{a}, {b}] 上方的面积涂上阴影：概率为 {prob}。虚线标出高度 1。",
    },
    "nm.peak_metric": {"en": "peak density p(μ)", "zh": "峰值密度 p(μ)"},
    "nm.prob_metric": {"en": "P({a} ≤ X ≤ {b})", "zh": "P({a} ≤ X ≤ {b})"},
    "nm.trapezoid_metric": {"en": "the same area, trapezoid rule",
                            "zh": "同一面积（梯形法则）"},
    "nm.above": {"en": "above 1, and still no probability", "zh": "大于 1，但它仍然不是概率"},
    "nm.below": {"en": "below 1 here; with σ < 0.399 it would exceed 1",
                 "zh": "这里小于 1；σ < 0.399 时就会大于 1"},
    "nm.prob_after": {
        "en": "With σ = {sigma} the peak density is {peak}: {above}. The probability of your "
              "interval is {prob}. A narrow interval's area is about height × width: around "
              "the midpoint {m}, the interval of width {width} has probability {narrow}, and "
              "$p({m}) \\times$ {width} = {mid} × {width} = {approx}. As the width shrinks to "
              "0 so does the area: that is why $P(X = x) = 0$.",
        "zh": "σ = {sigma} 时峰值密度为 {peak}：{above}。你选的区间的概率是 {prob}。窄区间的面积约为"
              "高 × 宽：在中点 {m} 周围宽 {width} 的区间概率为 {narrow}，而 "
              "$p({m}) \\times$ {width} = {mid} × {width} = {approx}。宽度缩到 0 时面积也缩到 0："
              "所以 $P(X = x) = 0$。",
    },
    "nm.likelihood_text": {
        "en": "**Probability and likelihood.** The same formula answers two questions. With "
              "$\\mu, \\sigma$ fixed, $p(x \\mid \\mu, \\sigma)$ as a function of $x$ is a "
              "density: its area is 1. With the data observed and fixed, as a function of the "
              "parameters it is the **likelihood**. Take your interval's ends as two "
              "observations, $x_1$ = {x1} and $x_2$ = {x2}, with curve 1's σ = {sigma}: "
              "$L(\\mu) = p(x_1 \\mid \\mu, \\sigma)\\, p(x_2 \\mid \\mu, \\sigma)$ is "
              "{value} at curve 1's μ = {mu} and largest at their mean, $\\hat\\mu$ = "
              "{mu_hat}, where it is {best}{above}. Its area over μ is {area} (trapezoid rule: "
              "{area_num}): it changes with σ and with the data, and nothing keeps it at 1, "
              "so a likelihood is not a distribution over the parameters. "
              "Maximum likelihood (section 2) only compares its values across parameters.",
        "zh": "**概率与似然。** 同一个公式回答两个问题。固定 $\\mu, \\sigma$，把 "
              "$p(x \\mid \\mu, \\sigma)$ 看作 $x$ 的函数，它是概率密度：面积为 1。固定观测到的"
              "数据，把它看作参数的函数，它就是**似然**。把你选的区间的两端当作两个观测值 "
              "$x_1$ = {x1}、$x_2$ = {x2}，取曲线 1 的 σ = {sigma}："
              "$L(\\mu) = p(x_1 \\mid \\mu, \\sigma)\\, p(x_2 \\mid \\mu, \\sigma)$ 在曲线 1 "
              "的 μ = {mu} 处为 {value}，在两者的均值 $\\hat\\mu$ = {mu_hat} 处最大，为 "
              "{best}{above}。它对 μ 的面积是 {area}（梯形法：{area_num}）：它随 σ 和数据而变，"
              "没有什么让它保持为 1，所以似然不是参数上的分布。极大似然估计（第 2 部分）只在不同参数之间比较它的大小。",
    },
    "nm.lik_above": {
        "en": " (above 1: a product of densities, not a probability)",
        "zh": "（大于 1：它是密度的乘积，不是概率）",
    },

    # ---- 2. noise to loss
    "nm.s2": {"en": "2. From noise to loss", "zh": "2. 从噪声到损失"},
    "nm.s2_intro": {
        "en": "Generate data from a line with Gaussian noise, fit the line by least squares, and "
              "compare two ways of judging a slope $w$ (with $b$ fixed at its fitted value "
              "$\\hat b$): the negative log-likelihood (NLL) of the data under a noise level "
              "$\\sigma$, and the mean squared error (MSE).",
        "zh": "从一条带高斯噪声的直线生成数据，用最小二乘拟合直线，然后比较评判斜率 $w$ 的两种方式"
              "（$b$ 固定为拟合值 $\\hat b$）：在噪声水平 $\\sigma$ 下数据的负对数似然（NLL），"
              "以及均方误差（MSE）。",
    },
    "nm.w": {"en": "True slope w", "zh": "真实斜率 w"},
    "nm.b": {"en": "True intercept b", "zh": "真实截距 b"},
    "nm.sigma": {"en": "Noise σ", "zh": "噪声 σ"},
    "nm.sigma_help": {"en": "Standard deviation of the noise ε added to each y.",
                      "zh": "加在每个 y 上的噪声 ε 的标准差。"},
    "nm.n": {"en": "Number of examples n", "zh": "样本数 n"},
    "nm.lsig": {"en": "σ assumed in the likelihood (lowest, highest)",
                "zh": "似然中假设的 σ（最小值、最大值）"},
    "nm.lsig_help": {
        "en": "The NLL is drawn for these two values and for the data's own σ. Move them: the "
              "curves change height and steepness, their minimum stays at the same w.",
        "zh": "对这两个值以及数据本身的 σ 各画一条 NLL 曲线。拖动它们：曲线的高度和陡峭程度会变，"
              "最小值却始终在同一个 w 处。",
    },
    "nm.true_line": {"en": "true: y = {w}·x + {b}", "zh": "真实：y = {w}·x + {b}"},
    "nm.fit_line": {"en": "fitted: y = {w}·x + {b}", "zh": "拟合：y = {w}·x + {b}"},
    "nm.scatter_title": {"en": "{n} examples and two lines", "zh": "{n} 个样本与两条直线"},
    "nm.legend_lines": {"en": "Line", "zh": "直线"},
    "nm.nll_sigma": {"en": "NLL, σ = {sigma}", "zh": "NLL，σ = {sigma}"},
    "nm.nll_true": {"en": "NLL, σ = {sigma} (the data's σ)", "zh": "NLL，σ = {sigma}（数据的 σ）"},
    "nm.w_axis": {"en": "slope w (b fixed at b̂ = {b})", "zh": "斜率 w（b 固定为 b̂ = {b}）"},
    "nm.nll_axis": {"en": "NLL per example", "zh": "每个样本的 NLL"},
    "nm.nll_axis_log": {"en": "NLL per example (symlog scale)", "zh": "每个样本的 NLL（对称对数刻度）"},
    "nm.symlog": {"en": "Compress the NLL axis", "zh": "压缩 NLL 纵轴"},
    "nm.symlog_help": {
        "en": "A symmetric-log scale: linear near 0, logarithmic further out, so the steep curve "
              "of a small σ does not flatten the others. It bends the parabolas but cannot move "
              "their minima. Turn it off to see the plain quadratic curves.",
        "zh": "对称对数刻度：在 0 附近是线性的，远处是对数的，这样小 σ 的陡峭曲线不会把其他曲线压平。"
              "它会让抛物线变形，但不会移动其最小值。关闭它可以看到原本的二次曲线。",
    },
    "nm.legend_sigma": {"en": "Negative log-likelihood", "zh": "负对数似然"},
    "nm.mse_label": {"en": "MSE", "zh": "MSE"},
    "nm.mse_axis": {"en": "mean squared error", "zh": "均方误差"},
    "nm.legend_loss": {"en": "Loss", "zh": "损失"},
    "nm.row_nll": {"en": "argmin of the NLL, σ = {sigma} (Newton)",
                   "zh": "NLL 的最小值点，σ = {sigma}（牛顿法）"},
    "nm.row_mse": {"en": "argmin of the MSE (Newton)", "zh": "MSE 的最小值点（牛顿法）"},
    "nm.row_lstsq": {"en": "least squares ŵ (torch.linalg.lstsq)",
                     "zh": "最小二乘解 ŵ（torch.linalg.lstsq）"},
    "nm.row_true": {"en": "the true w (for comparison)", "zh": "真实的 w（用于对比）"},
    "nm.col_what": {"en": "What", "zh": "项目"},
    "nm.col_w": {"en": "w", "zh": "w"},
    "nm.agree": {
        "en": "Every minimiser, found numerically, lies within **{gap}** of the least-squares "
              "solution ŵ = {w_hat} (a number like 4e-16 means 4 × 10⁻¹⁶: zero up to rounding "
              "error): the σ you assume does not move the best slope.",
        "zh": "数值求得的每个最小值点与最小二乘解 ŵ = {w_hat} 的差距都在 **{gap}** 以内"
              "（4e-16 这样的数表示 4 × 10⁻¹⁶，即舍入误差意义上的 0）："
              "假设的 σ 不会改变最优斜率。",
    },
    "nm.s2_caption": {
        "en": "The diamonds mark each curve's minimum and the dashed line is ŵ. A small σ makes "
              "the NLL a steep, narrow valley (mistakes are expensive when you believe the noise "
              "is small); a large σ makes it shallow. The MSE is the same valley without the σ. "
              "The fitted ŵ differs from the true w because of the noise; on average the "
              "difference shrinks like σ/√n as n grows.",
        "zh": "菱形标出每条曲线的最小值，虚线是 ŵ。σ 小时 NLL 是一个陡而窄的山谷（如果你认为噪声很小，"
              "出错的代价就很高）；σ 大时山谷变平缓。MSE 是去掉 σ 之后的同一个山谷。由于噪声，拟合出的 "
              "ŵ 与真实的 w 有差别；平均而言，n 越大差别越小，大致按 σ/√n 缩小。",
    },
    "nm.floor_item": {"en": "σ = {sigma}: {floor}", "zh": "σ = {sigma} 时为 {floor}"},
    "nm.floor_sep": {"en": " · ", "zh": "；"},
    "nm.floors": {
        "en": "**How high is each floor?** At its minimum the NLL per example is "
              "$\\tfrac12\\log(2\\pi\\sigma^2) + \\mathrm{{MSE}}/(2\\sigma^2)$, with "
              "MSE = {mse} for this data: {floors}. The lowest of these is at σ = {lowest}. A "
              "large σ raises the first term and a small σ the second, so over all σ the floor "
              "is lowest where their changes cancel: the derivative in σ², "
              "$\\tfrac{{1}}{{2\\sigma^2}} - \\tfrac{{\\mathrm{{MSE}}}}{{2\\sigma^4}}$, is 0 at "
              "σ² = MSE: σ = {s_mle}, floor {f_mle}. (The terms themselves do not balance "
              "there: {log_term} and {fit_term}.) That σ is "
              "the maximum-likelihood estimate of the noise level, the root of the mean squared "
              "residual; the data were made with σ = {sigma}.",
        "zh": "**每个谷底有多高？** NLL（每个样本）的最小值是 "
              "$\\tfrac12\\log(2\\pi\\sigma^2) + \\mathrm{{MSE}}/(2\\sigma^2)$，这组数据的 "
              "MSE = {mse}：{floors}。其中最低的在 σ = {lowest}。σ 大时第一项变大，σ 小时第二项变大，"
              "所以对所有 σ 而言，谷底在两项的变化相互抵消处最低：对 σ² 的导数 "
              "$\\tfrac{{1}}{{2\\sigma^2}} - \\tfrac{{\\mathrm{{MSE}}}}{{2\\sigma^4}}$ 在 "
              "σ² = MSE 处为 0：σ = {s_mle}，谷底为 {f_mle}。（两项本身在那里并不相等："
              "{log_term} 与 {fit_term}。）"
              "这个 σ 就是噪声水平的极大似然估计，即残差均方的平方根；生成数据用的是 σ = {sigma}。",
    },

    # ---- 3. the derivation
    "nm.s3": {"en": "3. Why: the derivation", "zh": "3. 原因：推导过程"},
    "nm.s3_intro": {
        "en": "Four short steps, as in d2l 3.1.3. Open “Why?” under a step for the reasoning.",
        "zh": "四个简短的步骤，与《动手学深度学习》3.1.3 节相同。点开每一步下方的“为什么？”查看理由。",
    },
    "nm.no_wb": {"en": "no", "zh": "不含"},
    "nm.why": {"en": "Why?", "zh": "为什么？"},
    "nm.d1": {"en": "The likelihood of one observation:", "zh": "单个观测的似然："},
    "nm.d1_why": {
        "en": "The model says $y = wx + b + \\epsilon$ with $\\epsilon \\sim \\mathcal N(0, "
              "\\sigma^2)$. Given $x$, the only random part of $y$ is $\\epsilon = y - wx - b$, "
              "so $y$ is normal with mean $wx + b$ and standard deviation $\\sigma$: put "
              "$\\mu = wx + b$ into the density of section 1.",
        "zh": "模型为 $y = wx + b + \\epsilon$，其中 $\\epsilon \\sim \\mathcal N(0, \\sigma^2)$。"
              "给定 $x$ 时，$y$ 中唯一随机的部分是 $\\epsilon = y - wx - b$，所以 $y$ 服从均值为 "
              "$wx + b$、标准差为 $\\sigma$ 的正态分布：把 $\\mu = wx + b$ 代入第 1 节的密度即可。",
    },
    "nm.d2": {"en": "The likelihood of the whole data set:", "zh": "整个数据集的似然："},
    "nm.d2_why": {
        "en": "The examples are drawn independently, and the probability of independent events "
              "is the product of their probabilities. Maximum likelihood picks the $w, b$ that "
              "make this product largest.",
        "zh": "样本是独立抽取的，独立事件同时发生的概率等于各自概率的乘积。极大似然估计就是选出使"
              "这个乘积最大的 $w, b$。",
    },
    "nm.d3": {"en": "Take the negative logarithm:", "zh": "取负对数："},
    "nm.d3_why": {
        "en": "The logarithm is increasing, so it keeps the location of the maximum, and it turns "
              "the product into a sum (a product of many small numbers would also underflow). "
              "The minus sign turns “maximise” into “minimise”. Each term splits into the log of "
              "the normalising constant and the squared residual over $2\\sigma^2$.",
        "zh": "对数是增函数，不改变最大值的位置，并把乘积变成求和（许多很小的数相乘还会下溢）。"
              "负号把“最大化”变成“最小化”。每一项都拆成两部分：归一化常数的对数，以及残差平方除以 "
              "$2\\sigma^2$。",
    },
    "nm.d4": {"en": "Drop what does not depend on $w$ and $b$:",
              "zh": "去掉与 $w$ 和 $b$ 无关的部分："},
    "nm.d4_why": {
        "en": "The first term, $\\tfrac n2\\log(2\\pi\\sigma^2)$, is the same for every $w, b$: it "
              "shifts the curve up or down. The factor $1/(2\\sigma^2)$ is positive: it stretches "
              "the curve but cannot move its minimum. What is left is the sum of squared errors, "
              "and dividing by $n$ gives the MSE. So for any fixed $\\sigma$, minimising the NLL "
              "and minimising the MSE give the same $w$ and $b$.",
        "zh": "第一项 $\\tfrac n2\\log(2\\pi\\sigma^2)$ 对所有 $w, b$ 都相同：它只把曲线整体上移或下移。"
              "因子 $1/(2\\sigma^2)$ 为正：它拉伸曲线，却不能移动最小值。剩下的就是误差平方和，"
              "再除以 $n$ 就是 MSE。所以对任何固定的 $\\sigma$，最小化 NLL 与最小化 MSE 得到相同的 "
              "$w$ 和 $b$。",
    },
    "nm.s3_outro": {
        "en": "This is exactly what the charts of section 2 show: σ sets the height (first term) "
              "and the steepness (the factor $1/(2\\sigma^2)$), and the minimum sits at the "
              "least-squares solution every time.",
        "zh": "这正是第 2 节图中看到的：σ 决定高度（第一项）和陡峭程度（因子 $1/(2\\sigma^2)$），"
              "而最小值每次都落在最小二乘解上。",
    },

    # ---- 4. residuals
    "nm.s4": {"en": "4. Residuals: does the noise look Gaussian?",
              "zh": "4. 残差：噪声看起来像高斯分布吗？"},
    "nm.s4_intro": {
        "en": "The argument above holds only if the noise really is Gaussian. After fitting, the "
              "residuals $y - \\hat w x - \\hat b$ are our view of the noise. Here the data come "
              "from $y = 2x + 4.2 + \\epsilon$ with noise of the chosen family, scaled to mean 0 "
              "and standard deviation σ; the curve is the normal density $\\mathcal N(0, "
              "\\hat\\sigma^2)$ with $\\hat\\sigma$ estimated from the residuals.",
        "zh": "上面的论证只在噪声确实服从高斯分布时成立。拟合之后，残差 $y - \\hat w x - \\hat b$ "
              "就是我们看到的噪声。这里的数据来自 $y = 2x + 4.2 + \\epsilon$，噪声取自所选的分布族，"
              "并缩放为均值 0、标准差 σ；曲线是由残差估计出 $\\hat\\sigma$ 的正态密度 "
              "$\\mathcal N(0, \\hat\\sigma^2)$。",
    },
    "nm.noise": {"en": "Noise", "zh": "噪声"},
    "nm.noise.gaussian": {"en": "Gaussian", "zh": "高斯"},
    "nm.noise.laplace": {"en": "Laplace", "zh": "拉普拉斯"},
    "nm.noise.student_t": {"en": "Student-t (ν = 3)", "zh": "学生 t（ν = 3）"},
    "nm.noise.exponential": {"en": "Exponential (shifted)", "zh": "指数（平移后）"},
    "nm.rsigma": {"en": "Noise standard deviation σ", "zh": "噪声标准差 σ"},
    "nm.res_axis": {"en": "residual y − ŵx − b̂", "zh": "残差 y − ŵx − b̂"},
    "nm.density_axis": {"en": "density", "zh": "密度"},
    "nm.fitted_normal": {"en": "N(0, σ̂²), σ̂ = {s}", "zh": "N(0, σ̂²)，σ̂ = {s}"},
    "nm.sigma_hat": {"en": "σ̂ (from the residuals)", "zh": "σ̂（由残差估计）"},
    "nm.skew": {"en": "Skewness", "zh": "偏度"},
    "nm.skew_help": {
        "en": "The sample's third standardised moment. In theory 0 for a symmetric distribution "
              "whose third moment exists (Gaussian, Laplace), and 2 for the exponential; the "
              "sample value scatters around that by about ±√(6/n). Student-t with ν = 3 is "
              "symmetric but its third moment is undefined (E|X|³ = ∞), so its skewness is "
              "undefined too and the "
              "sample value jumps from seed to seed.",
        "zh": "样本的三阶标准矩。理论上，三阶矩存在的对称分布（高斯、拉普拉斯）为 0，指数分布为 2；"
              "样本值在其周围大约有 ±√(6/n) 的波动。ν = 3 的学生 t 分布虽然对称，但三阶矩没有定义"
              "（E|X|³ = ∞），"
              "偏度没有定义，样本值随种子剧烈跳动。",
    },
    "nm.kurt": {"en": "Excess kurtosis", "zh": "超额峰度"},
    "nm.kurt_help": {
        "en": "In theory 0 for a normal distribution, 3 for Laplace, 6 for the exponential, "
              "and infinite for Student-t with ν = 3 (its sample value jumps from seed to seed).",
        "zh": "理论上，正态分布为 0，拉普拉斯分布为 3，指数分布为 6，ν = 3 的学生 t 分布为无穷大"
              "（其样本值随种子剧烈跳动）。",
    },
    "nm.outside": {"en": "Residuals outside the plot", "zh": "图外的残差"},
    "nm.outside_help": {"en": "Residuals farther than {k}·σ from 0, not drawn as bars.",
                        "zh": "与 0 的距离超过 {k}·σ 的残差，未画成柱子。"},
    "nm.says.gaussian": {
        "en": "Gaussian noise: the bars follow the curve up to sampling noise. Here the skewness "
              "is {s} and the excess kurtosis {k}; for n = {n} Gaussian draws these scatter "
              "around 0 by about ±{se_s} and ±{se_k} (√(6/n) and √(24/n)). The assumption "
              "behind squared loss holds, and the least-squares line is the maximum-likelihood "
              "line.",
        "zh": "高斯噪声：除去抽样波动，柱子贴合曲线。这里偏度为 {s}，超额峰度为 {k}；对 n = {n} "
              "个高斯样本，这两个值大约在 0 附近 ±{se_s} 和 ±{se_k} 的范围内波动（√(6/n) 与 "
              "√(24/n)）。平方损失背后的假设成立，最小二乘直线就是极大似然直线。",
    },
    "nm.says.laplace": {
        "en": "Laplace noise puts more residuals near 0 and in the tails, and fewer in between, "
              "than a Gaussian of the same σ: with enough data the centre bars rise above the "
              "curve. Its excess kurtosis is 3 in theory; here {k} (n = {n}). Under Laplace "
              "noise the maximum-likelihood loss is the absolute error $|y - \\hat y|$, not the "
              "square.",
        "zh": "与同样 σ 的高斯分布相比，拉普拉斯噪声在 0 附近和尾部的残差更多，中间的更少：数据足够多时，"
              "中心的柱子会高出曲线。它的超额峰度理论上是 3；这里为 {k}（n = {n}）。在拉普拉斯噪声下，"
              "极大似然估计对应的损失是绝对误差 $|y - \\hat y|$，而不是平方误差。",
    },
    "nm.says.student_t": {
        "en": "Student-t noise with ν = 3 has heavy tails: most residuals sit in a narrow peak "
              "and a few lie very far out. Here {out} of the {n} residuals {out:lies|lie} "
              "beyond ±{reach}σ, where Gaussian noise would put about {gauss_out}. The normal "
              "curve fits neither the peak nor the tails, and under squared loss the far "
              "points pull hardest on the line.",
        "zh": "ν = 3 的学生 t 噪声是重尾的：大多数残差挤在一个窄峰里，少数离得非常远。这里 {n} 个残差中"
              "有 {out} 个落在 ±{reach}σ 之外，而高斯噪声平均只有约 {gauss_out} 个。正态曲线既拟合不了"
              "峰，也拟合不了尾部；在平方损失下，正是远处的点对直线的拉力最大。",
    },
    "nm.says.exponential": {
        "en": "Exponential noise is lopsided: its density is a wall on the left and a long tail "
              "on the right, with skewness 2 in theory; here {s}. No symmetric bell describes "
              "it. The least-squares line is still a reasonable fit (the noise has mean 0), but "
              "it is no longer the maximum-likelihood fit.",
        "zh": "指数噪声是歪的：它的密度左边是一堵墙，右边是一条长尾，偏度理论上为 2；这里为 {s}。"
              "任何对称的钟形曲线都描述不了它。最小二乘直线仍是一个合理的拟合（噪声均值为 0），"
              "但已不再是极大似然拟合。",
    },
    "nm.loss_link": {
        "en": "What this means for the loss: squared loss is the right choice when the noise is "
              "Gaussian; with heavy tails or outliers, the absolute loss (the Laplace likelihood) "
              "or Huber's loss is more robust. The loss comparison page puts them side by side.",
        "zh": "这对损失函数意味着什么：噪声服从高斯分布时，平方损失是正确的选择；当噪声有重尾或存在离群点时，"
              "绝对值损失（对应拉普拉斯似然）或 Huber 损失更稳健。损失函数比较页把它们放在一起对比。",
    },

    # ---- exercises: where each comes from
    "nm.ex1_q": {
        "en": "*Source: d2l 3.1, exercise 1 (the same in the English edition; its third part, "
              "the absolute loss, is on the loss-comparison page).* Given data "
              "$x_1, \\ldots, x_n \\in \\mathbb{R}$, find an analytic solution for the constant "
              "$b$ that minimises $\\sum_i (x_i - b)^2$. How does this problem and its solution "
              "relate to the normal distribution?",
        "zh": "*出处：《动手学深度学习》（第二版）3.1 节练习 1。* 给定数据 "
              "$x_1, \\ldots, x_n \\in \\mathbb{R}$，求使 $\\sum_i (x_i - b)^2$ 最小的常数 $b$ "
              "的解析解。这个问题及其解与正态分布有什么关系？",
    },
    "nm.ex1_a": {
        "en": "Setting the derivative $-2\\sum_i (x_i - b)$ to zero gives "
              "$b = \\frac1n\\sum_i x_i$, the **mean**. It is the maximum-likelihood estimate of "
              "$\\mu$ for data drawn from $\\mathcal N(\\mu, \\sigma^2)$, whose negative "
              "log-likelihood is $\\tfrac n2\\log(2\\pi\\sigma^2) + \\sum_i (x_i - \\mu)^2/"
              "(2\\sigma^2)$: the same sum of squares, scaled and shifted. Section 3 is the same "
              "argument with $\\mu = wx + b$.",
        "zh": "令导数 $-2\\sum_i (x_i - b)$ 为零，得 $b = \\frac1n\\sum_i x_i$，即**均值**。"
              "它正是数据来自 $\\mathcal N(\\mu, \\sigma^2)$ 时 $\\mu$ 的极大似然估计，因为负对数似然为 "
              "$\\tfrac n2\\log(2\\pi\\sigma^2) + \\sum_i (x_i - \\mu)^2/(2\\sigma^2)$，"
              "只是同一个平方和经过缩放和平移。第 3 节是同样的论证，只不过 $\\mu = wx + b$。",
    },
    "nm.ex2_q": {
        "en": "*Source: d2l English edition 3.1, exercise 4 (not in the Chinese 2nd edition).* "
              "The analytic solution $\\hat{\\mathbf w} = (X^\\top X)^{-1} X^\\top \\mathbf y$ "
              "needs $X^\\top X$ to have full rank. What happens if it does not, and how could you "
              "fix it? What is the expected value of $X^\\top X$ after adding small independent "
              "Gaussian noise to every entry of $X$? What does SGD do when $X^\\top X$ is not of "
              "full rank?",
        "zh": "*出处：英文版 d2l.ai 3.1 节练习 4（中文第二版没有这道题）。* 解析解 "
              "$\\hat{\\mathbf w} = (X^\\top X)^{-1} X^\\top \\mathbf y$ 要求 $X^\\top X$ 满秩。"
              "如果不满秩会怎样？如何解决？在 $X$ 的每个元素上加入很小的独立高斯噪声后，"
              "$X^\\top X$ 的期望是什么？当 $X^\\top X$ 不满秩时，随机梯度下降会怎样？",
    },
    "nm.ex2_a": {
        "en": "Then some direction $\\mathbf v \\ne 0$ has $X\\mathbf v = 0$: adding any multiple "
              "of $\\mathbf v$ to $\\mathbf w$ changes neither the predictions nor the loss, so "
              "there are infinitely many minimisers and $(X^\\top X)^{-1}$ does not exist. Fixes: "
              "remove the redundant features, take the minimum-norm solution of the "
              "pseudo-inverse (`torch.linalg.pinv`), or add a ridge term "
              "$\\lambda\\|\\mathbf w\\|^2$, which gives $(X^\\top X + \\lambda I)^{-1} X^\\top "
              "\\mathbf y$. With noise $E$ of variance $\\sigma^2$ per entry on the $n$ rows, "
              "$\\mathbb E[(X + E)^\\top (X + E)] = X^\\top X + n\\sigma^2 I$, which has full "
              "rank: noisy inputs act like ridge regularisation. SGD still reaches a minimiser, "
              "but the part of $\\mathbf w$ along the null space never gets a gradient, so it "
              "stays where the initialisation put it: which minimiser you get depends on the "
              "start.",
        "zh": "此时存在某个方向 $\\mathbf v \\ne 0$ 使 $X\\mathbf v = 0$：给 $\\mathbf w$ 加上 "
              "$\\mathbf v$ 的任意倍数，预测和损失都不变，所以最小值点有无穷多个，"
              "$(X^\\top X)^{-1}$ 也不存在。解决办法：去掉冗余特征；用伪逆（`torch.linalg.pinv`）取范数最小的解；"
              "或加入岭回归项 $\\lambda\\|\\mathbf w\\|^2$，得到 $(X^\\top X + \\lambda I)^{-1} X^\\top "
              "\\mathbf y$。若在 $n$ 行数据的每个元素上加入方差为 $\\sigma^2$ 的噪声 $E$，则 "
              "$\\mathbb E[(X + E)^\\top (X + E)] = X^\\top X + n\\sigma^2 I$，它是满秩的："
              "带噪声的输入相当于岭正则化。随机梯度下降仍会到达某个最小值点，但 $\\mathbf w$ "
              "在零空间方向上的分量永远得不到梯度，停留在初始化时的位置：得到哪个最小值点取决于起点。",
    },
    "nm.ex3_q": {
        "en": "*Source: d2l English edition 3.1, exercise 7 (not in the Chinese 2nd edition).* "
              "You want to predict house or stock prices by regression. Why is additive Gaussian "
              "noise not appropriate? Why is regressing on the logarithm $\\log p$ of the price "
              "$p$ much better? (Hint: can prices be negative? How do price fluctuations scale?)",
        "zh": "*出处：英文版 d2l.ai 3.1 节练习 7（中文第二版没有这道题）。* 你想用回归预测房价或股价。"
              "为什么加性高斯噪声的假设不合适？为什么对价格 $p$ 的对数 $\\log p$ 做回归要好得多？"
              "（提示：价格可能为负吗？价格的波动如何随价格变化？）",
    },
    "nm.ex3_a": {
        "en": "Gaussian noise with a fixed σ gives every price, even a negative one, a positive "
              "probability, and treats an error of 10 000 the same on a 50 000 flat and on a "
              "5 000 000 villa. Real fluctuations are relative, roughly proportional to the "
              "price. On $y = \\log p$ a fixed σ means a fixed relative error, "
              "predictions $e^{\\hat y}$ are always positive, and the residuals look far more like "
              "$\\mathcal N(0, \\sigma^2)$: squared loss on log prices is maximum likelihood "
              "under log-normal noise.",
        "zh": "σ 固定的高斯噪声会给任何价格（包括负价格）一个正的概率，并且把 10 000 的误差在一套 "
              "50 000 的公寓和一栋 5 000 000 的别墅上一视同仁。而真实的波动是相对的，大致与价格成正比。"
              "对 $y = \\log p$ 来说，固定的 σ 意味着固定的相对误差，预测值 $e^{\\hat y}$ "
              "永远为正，残差也更接近 $\\mathcal N(0, \\sigma^2)$：对对数价格使用平方损失，"
              "就是对数正态噪声下的极大似然估计。",
    },
}
