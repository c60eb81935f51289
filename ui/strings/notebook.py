"""“Continue in Jupyter”: the button, and the text of the notebooks it writes (core.notebook)."""

STRINGS: dict[str, dict[str, str]] = {
    "nb.button": {"en": "Continue in Jupyter", "zh": "在 Jupyter 中继续"},
    "nb.help": {
        "en": "A notebook (.ipynb) of this lesson: the code the page runs, your settings, the "
              "formulas and the figure, redrawn by its own run. It runs offline with the app's "
              "requirements (`pip install -r requirements.txt`), no `d2l` package needed.",
        "zh": "本课的笔记本（.ipynb）：页面实际运行的代码、你的设置、公式，以及由笔记本自己运行后"
              "重新绘制的图。装好本应用的依赖（`pip install -r requirements.txt`）即可离线运行，"
              "无需 `d2l` 包。",
    },
    "nb.section": {"en": "Section: **{section}**", "zh": "小节：**{section}**"},
    "nb.from": {
        "en": "Made by the interactive explainer from this view: {link} — open it to go back.",
        "zh": "由交互式讲解应用根据此视图生成：{link} —— 打开链接即可回到应用。",
    },
    "nb.code": {
        "en": "## The code the page runs\n\nInlined from the app's {modules}: the same functions "
              "the page's code panels show.",
        "zh": "## 页面实际运行的代码\n\n取自本应用的 {modules}：与页面代码面板中显示的函数完全相同。",
    },
    "nb.settings": {
        "en": "## Your settings\n\nChange them and run the cells below again.",
        "zh": "## 你的设置\n\n修改后重新运行下面的单元格。",
    },
    "nb.run": {
        "en": "## Run it\n\nThe numbers printed here are the page's numbers for the same settings.",
        "zh": "## 运行\n\n这里打印的数字与页面在相同设置下显示的数字一致。",
    },
    "nb.figure": {"en": "## The figure, from this run", "zh": "## 本次运行的图"},
    "nb.board_button": {"en": "Board as a notebook", "zh": "将看板导出为笔记本"},
    "nb.board_title": {"en": "The class experiment's board", "zh": "课堂实验的看板"},
    "nb.board_intro": {
        "en": "Every run of the room, from the board's CSV (pseudonyms only). The cells below "
              "redraw the board's scatter: each run's last value against its learning rate, "
              "coloured by batch size, sized by the number of epochs; the dashed line is the "
              "book's learning rate.",
        "zh": "房间内的所有运行，数据来自看板的 CSV（只有化名）。下面的单元格重新绘制看板的散点图："
              "每次运行最后一个迭代周期的值对学习率作图，颜色表示批量大小，大小表示迭代周期数；"
              "虚线是书中的学习率。",
    },
    "nb.board_figure": {"en": "## The board's scatter", "zh": "## 看板的散点图"},
    "nb.missing": {
        "en": "Fashion-MNIST was not found (looked for {path}). Install Debian's package "
              "(sudo apt-get install dataset-fashion-mnist), or set the environment variable "
              "{env} to a directory that holds the four IDX files, or open the app's "
              "classifier page once while online (it downloads the data set into its cache).",
        "zh": "未找到 Fashion-MNIST（查找了 {path}）。请安装 Debian 软件包"
              "（sudo apt-get install dataset-fashion-mnist），或将环境变量 {env} "
              "设为存放四个 IDX 文件的目录，或在联网时打开一次本应用的分类器页面"
              "（它会把数据集下载到缓存中）。",
    },
    # the lessons' key formulas, one Markdown cell each (braces doubled: filled by .format())
    "nb.formulas.normal_mse": {
        "en": "## Key formulas\n\n"
              "Normal density: $p(x) = \\frac{{1}}{{\\sqrt{{2\\pi\\sigma^2}}}}"
              "\\exp\\left(-\\frac{{(x-\\mu)^2}}{{2\\sigma^2}}\\right)$\n\n"
              "With $y = wx + b + \\epsilon$, $\\epsilon \\sim \\mathcal{{N}}(0, \\sigma^2)$, the "
              "negative log-likelihood per example is $\\frac{{1}}{{2}}\\log(2\\pi\\sigma^2) + "
              "\\frac{{1}}{{2\\sigma^2}}\\cdot\\frac{{1}}{{n}}\\sum_i (y_i - wx_i - b)^2$: whatever "
              "$\\sigma$ is, maximum likelihood estimation gives the least-squares $w$.",
        "zh": "## 关键公式\n\n"
              "正态分布的概率密度：$p(x) = \\frac{{1}}{{\\sqrt{{2\\pi\\sigma^2}}}}"
              "\\exp\\left(-\\frac{{(x-\\mu)^2}}{{2\\sigma^2}}\\right)$\n\n"
              "若 $y = wx + b + \\epsilon$，$\\epsilon \\sim \\mathcal{{N}}(0, \\sigma^2)$，"
              "每个样本的负对数似然为 $\\frac{{1}}{{2}}\\log(2\\pi\\sigma^2) + "
              "\\frac{{1}}{{2\\sigma^2}}\\cdot\\frac{{1}}{{n}}\\sum_i (y_i - wx_i - b)^2$：无论 "
              "$\\sigma$ 取何值，极大似然估计给出的 $w$ 都与最小二乘相同。",
    },
    "nb.formulas.linear_regression": {
        "en": "## Key formulas\n\n"
              "Model: $\\hat{{\\mathbf{{y}}}} = \\mathbf{{X}}\\mathbf{{w}} + b$; squared loss "
              "$l^{{(i)}} = \\frac{{1}}{{2}}(\\hat{{y}}^{{(i)}} - y^{{(i)}})^2$.\n\n"
              "Minibatch stochastic gradient descent: $(\\mathbf{{w}}, b) \\leftarrow "
              "(\\mathbf{{w}}, b) - \\frac{{\\eta}}{{|\\mathcal{{B}}|}}\\sum_{{i \\in \\mathcal{{B}}}}"
              "\\partial_{{(\\mathbf{{w}}, b)}} l^{{(i)}}(\\mathbf{{w}}, b)$.\n\n"
              "Analytic solution: $\\mathbf{{w}}^* = (\\mathbf{{X}}^\\top\\mathbf{{X}})^{{-1}}"
              "\\mathbf{{X}}^\\top\\mathbf{{y}}$ (the bias folded into $\\mathbf{{X}}$).",
        "zh": "## 关键公式\n\n"
              "模型：$\\hat{{\\mathbf{{y}}}} = \\mathbf{{X}}\\mathbf{{w}} + b$；平方损失 "
              "$l^{{(i)}} = \\frac{{1}}{{2}}(\\hat{{y}}^{{(i)}} - y^{{(i)}})^2$。\n\n"
              "小批量随机梯度下降：$(\\mathbf{{w}}, b) \\leftarrow "
              "(\\mathbf{{w}}, b) - \\frac{{\\eta}}{{|\\mathcal{{B}}|}}\\sum_{{i \\in \\mathcal{{B}}}}"
              "\\partial_{{(\\mathbf{{w}}, b)}} l^{{(i)}}(\\mathbf{{w}}, b)$。\n\n"
              "解析解：$\\mathbf{{w}}^* = (\\mathbf{{X}}^\\top\\mathbf{{X}})^{{-1}}"
              "\\mathbf{{X}}^\\top\\mathbf{{y}}$（偏置并入 $\\mathbf{{X}}$）。",
    },
    "nb.formulas.loss_comparison": {
        "en": "## Key formulas\n\n"
              "$l_2(r) = \\frac{{1}}{{2}}r^2$, $l_1(r) = |r|$, and the book's Huber loss "
              "$l(r) = |r| - \\frac{{\\sigma}}{{2}}$ for $|r| > \\sigma$, $\\frac{{r^2}}{{2\\sigma}}$ "
              "otherwise (Huber's own form: $\\frac{{1}}{{2}}r^2$ for $|r| \\le \\delta$, "
              "$\\delta(|r| - \\frac{{\\delta}}{{2}})$ beyond).\n\n"
              "The constant $c$ minimising $\\sum_i l(x_i - c)$ is the mean for $l_2$, the "
              "median for $l_1$, and in between for Huber's loss.",
        "zh": "## 关键公式\n\n"
              "$l_2(r) = \\frac{{1}}{{2}}r^2$，$l_1(r) = |r|$；书中的 Huber 损失："
              "$|r| > \\sigma$ 时 $l(r) = |r| - \\frac{{\\sigma}}{{2}}$，否则为 "
              "$\\frac{{r^2}}{{2\\sigma}}$（Huber 原始形式：$|r| \\le \\delta$ 时 "
              "$\\frac{{1}}{{2}}r^2$，否则 $\\delta(|r| - \\frac{{\\delta}}{{2}})$）。\n\n"
              "使 $\\sum_i l(x_i - c)$ 最小的常数 $c$：$l_2$ 是均值，$l_1$ 是中位数，"
              "Huber 损失介于两者之间。",
    },
    "nb.formulas.softmax_regression": {
        "en": "## Key formulas\n\n"
              "$\\hat{{y}}_j = \\mathrm{{softmax}}(\\mathbf{{o}})_j = \\frac{{\\exp(o_j / T)}}"
              "{{\\sum_k \\exp(o_k / T)}}$ turns the unnormalized predictions (logits) "
              "$\\mathbf{{o}}$ into probabilities; the label is a one-hot vector "
              "$\\mathbf{{y}}$.\n\n"
              "Cross-entropy loss: $l(\\mathbf{{y}}, \\hat{{\\mathbf{{y}}}}) = -\\sum_j y_j \\log "
              "\\hat{{y}}_j = \\log\\sum_k \\exp(o_k) - o_y$.",
        "zh": "## 关键公式\n\n"
              "$\\hat{{y}}_j = \\mathrm{{softmax}}(\\mathbf{{o}})_j = \\frac{{\\exp(o_j / T)}}"
              "{{\\sum_k \\exp(o_k / T)}}$ 把未规范化的预测（logit）$\\mathbf{{o}}$ 变成概率；"
              "标签用独热编码的向量 $\\mathbf{{y}}$ 表示。\n\n"
              "交叉熵损失：$l(\\mathbf{{y}}, \\hat{{\\mathbf{{y}}}}) = -\\sum_j y_j \\log "
              "\\hat{{y}}_j = \\log\\sum_k \\exp(o_k) - o_y$。",
    },
    "nb.formulas.softmax_overflow": {
        "en": "## Key formulas\n\n"
              "Naive: $\\hat{{y}}_j = \\frac{{\\exp(o_j)}}{{\\sum_k \\exp(o_k)}}$ — $\\exp$ "
              "overflows for large $o$.\n\n"
              "Max subtracted: $\\hat{{y}}_j = \\frac{{\\exp(o_j - \\bar{{o}})}}{{\\sum_k "
              "\\exp(o_k - \\bar{{o}})}}$, $\\bar{{o}} = \\max_k o_k$.\n\n"
              "LogSumExp: $\\log\\hat{{y}}_j = o_j - \\bar{{o}} - \\log\\sum_k "
              "\\exp(o_k - \\bar{{o}})$ — never the log of a probability rounded to 0.",
        "zh": "## 关键公式\n\n"
              "直接计算：$\\hat{{y}}_j = \\frac{{\\exp(o_j)}}{{\\sum_k \\exp(o_k)}}$ —— $o$ 很大时 "
              "$\\exp$ 上溢。\n\n"
              "减去最大值：$\\hat{{y}}_j = \\frac{{\\exp(o_j - \\bar{{o}})}}{{\\sum_k "
              "\\exp(o_k - \\bar{{o}})}}$，$\\bar{{o}} = \\max_k o_k$。\n\n"
              "LogSumExp 技巧：$\\log\\hat{{y}}_j = o_j - \\bar{{o}} - \\log\\sum_k "
              "\\exp(o_k - \\bar{{o}})$ —— 不会对舍入为 0 的概率取对数。",
    },
    "nb.formulas.softmax_classifier": {
        "en": "## Key formulas\n\n"
              "$\\hat{{\\mathbf{{Y}}}} = \\mathrm{{softmax}}(\\mathbf{{X}}\\mathbf{{W}} + \\mathbf{{b}})$, "
              "$\\mathbf{{X}}$ of shape $(n, 784)$, $\\mathbf{{W}}$ $(784, 10)$.\n\n"
              "Cross-entropy loss $l_i = -\\log \\hat{{y}}_{{i, y_i}}$, minimised by minibatch "
              "stochastic gradient descent; accuracy is the share of examples whose largest "
              "$\\hat{{y}}$ is the true class, measured after each epoch.",
        "zh": "## 关键公式\n\n"
              "$\\hat{{\\mathbf{{Y}}}} = \\mathrm{{softmax}}(\\mathbf{{X}}\\mathbf{{W}} + \\mathbf{{b}})$，"
              "$\\mathbf{{X}}$ 的形状为 $(n, 784)$，$\\mathbf{{W}}$ 为 $(784, 10)$。\n\n"
              "交叉熵损失 $l_i = -\\log \\hat{{y}}_{{i, y_i}}$，用小批量随机梯度下降最小化；"
              "精度是 $\\hat{{y}}$ 最大的类别恰为真实类别的样本所占的比例，每个迭代周期结束后计算。",
    },
}
