"""Strings of the home page."""

STRINGS: dict[str, dict[str, str]] = {
    "home.title": {"en": "Linear neural networks, interactively", "zh": "交互式学习线性神经网络"},
    "home.intro": {
        "en": "An explainer for chapter 3 of *Dive into Deep Learning*: regression, softmax and "
              "the losses behind them. Every page has controls to move; change them and watch "
              "the mathematics respond. A link copied from the address bar reopens the same view.",
        "zh": "《动手学深度学习》第 3 章的交互讲解：回归、softmax 以及它们背后的损失函数。"
              "每页都有可以拖动的控件，改动它们，观察数学如何响应。从地址栏复制的链接会打开同样的视图。",
    },
    "home.normal_mse": {
        "en": "Why minimising squared error is maximum likelihood when the noise is Gaussian.",
        "zh": "为什么在高斯噪声下，最小化平方误差就是极大似然估计。",
    },
    "home.softmax_overflow": {
        "en": "Where naive softmax overflows to inf and nan, per dtype, and how log-sum-exp fixes it.",
        "zh": "朴素 softmax 在各种数据类型下何时溢出为 inf 和 nan，以及 log-sum-exp 如何解决。",
    },
    "home.loss_comparison": {
        "en": "L1, L2 and Huber: their curves, gradients, the mean against the median, and outliers.",
        "zh": "L1、L2 与 Huber：曲线、梯度、均值与中位数之争，以及离群点。",
    },
    "home.linear_regression": {
        "en": "Minibatch SGD on y = Xw + b + ε, from scratch and with nn.Linear, live.",
        "zh": "在 y = Xw + b + ε 上实时运行小批量随机梯度下降，从零实现与 nn.Linear 简洁实现。",
    },
    "home.softmax_classifier": {
        "en": "Softmax regression on the real Fashion-MNIST, with a grid of test predictions.",
        "zh": "在真实的 Fashion-MNIST 上训练 softmax 回归，并查看测试图像的预测网格。",
    },
    "home.softmax_regression": {
        "en": "Why labels are one-hot, where the cross-entropy comes from, and why its gradient "
              "is prediction minus label: softmax regression's theory, with information theory.",
        "zh": "为什么标签用独热编码，交叉熵损失从何而来，为什么它的梯度是预测减去标签："
              "softmax 回归的理论，以及信息论基础。",
    },
    "home.about": {"en": "About this app: where it runs", "zh": "关于本应用：运行环境"},
    "home.path": {
        "en": "**Suggested order**, the book's: {n} lessons, about {minutes} minutes in all. "
              "Each card says what you will be able to do afterwards.",
        "zh": "**建议顺序**（与书中一致）：{n} 节课，共约 {minutes} 分钟。每张卡片写明学完后你能做什么。",
    },
    "home.minutes": {"en": "about {n} minutes", "zh": "约 {n} 分钟"},
    "home.can": {"en": "**You will be able to**", "zh": "**学完后你能**"},
    "home.can.normal_mse": {
        "en": "derive the squared loss from Gaussian noise and see that σ does not move the "
              "best w.",
        "zh": "从高斯噪声推导出平方损失，并看到 σ 不改变最优的 w。",
    },
    "home.can.linear_regression": {
        "en": "train linear regression with minibatch SGD and pick a learning rate that "
              "neither crawls nor diverges.",
        "zh": "用小批量随机梯度下降训练线性回归，并选出既不太慢也不发散的学习率。",
    },
    "home.can.loss_comparison": {
        "en": "say which loss an outlier drags, and why L1 gives the median and L2 the mean.",
        "zh": "说出离群点会拖动哪种损失，以及为什么 L1 给出中位数、L2 给出均值。",
    },
    "home.can.softmax_regression": {
        "en": "compute softmax and the cross-entropy loss by hand, and explain why its "
              "gradient is ŷ − y.",
        "zh": "手算 softmax 与交叉熵损失，并解释为什么它的梯度是 ŷ − y。",
    },
    "home.can.softmax_overflow": {
        "en": "spot where a naive softmax overflows, and fix it with the max trick and "
              "log-sum-exp.",
        "zh": "找出朴素 softmax 在哪里溢出，并用减去最大值和 log-sum-exp 修正它。",
    },
    "home.can.softmax_classifier": {
        "en": "train a softmax classifier on Fashion-MNIST and read its errors in a confusion "
              "matrix.",
        "zh": "在 Fashion-MNIST 上训练 softmax 分类器，并从混淆矩阵读出它的错误。",
    },
    "home.device": {"en": "Device: **{device}** · PyTorch {torch}",
                    "zh": "设备：**{device}** · PyTorch {torch}"},
    "home.data_found": {
        "en": "Fashion-MNIST found in `{source}`: {train:,} training and {test:,} test images "
              "(decoded in {seconds:.2f} s).",
        "zh": "已在 `{source}` 找到 Fashion-MNIST：{train:,} 张训练图像，{test:,} 张测试图像"
              "（解码用时 {seconds:.2f} 秒）。",
    },
}
