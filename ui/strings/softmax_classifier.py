"""Strings of the softmax classifier page (prefix "sc.")."""

STRINGS: dict[str, dict[str, str]] = {
    "sc.title": {"en": "Softmax regression on Fashion-MNIST",
                 "zh": "在 Fashion-MNIST 上训练 softmax 回归"},
    "sc.key_idea": {
        "en": "One linear layer and a softmax already recognise clothes: ten weighted sums of "
              "the 784 pixels, turned into probabilities, trained by minibatch SGD on the "
              "cross-entropy loss.",
        "zh": "一个线性层加上 softmax 就能识别衣物：对 784 个像素做十个加权求和，再变成概率，"
              "用小批量随机梯度下降最小化交叉熵损失来训练。",
    },
    "sc.intro": {
        "en": "The chapter's finale (d2l 3.5–3.7): train softmax regression on the real data set "
              "while you watch, then look inside the trained model: its predictions, its weights, "
              "its confusions, and what it makes of your own picture.",
        "zh": "本章的收官之作（d2l 3.5–3.7）：在真实数据集上实时训练 softmax 回归，然后深入观察训练好的"
              "模型：它的预测、它的权重、它混淆的类别，以及它如何看待你自己的图片。",
    },
    # ---- the data ----
    "sc.s_data": {"en": "The data: Fashion-MNIST", "zh": "数据：Fashion-MNIST"},
    "sc.data_intro": {
        "en": "70,000 grayscale images of 28 × 28 pixels in ten classes of clothing. Each pixel "
              "is a byte (0–255); the model sees it scaled to $[0, 1]$ and the image flattened "
              "into a vector $\\mathbf{x} \\in \\mathbb{R}^{784}$. The first 18 training images:",
        "zh": "共 70,000 张 28 × 28 像素的灰度图像，分属十类衣物。每个像素是一个字节（0–255）；"
              "模型看到的是缩放到 $[0, 1]$ 的值，并把图像展平成向量 "
              "$\\mathbf{x} \\in \\mathbb{R}^{784}$。训练集的前 18 张图像：",
    },
    "sc.n_train": {"en": "Training images", "zh": "训练图像"},
    "sc.n_test": {"en": "Test images", "zh": "测试图像"},
    "sc.n_classes": {"en": "Classes", "zh": "类别"},
    "sc.class.0": {"en": "t-shirt", "zh": "T恤"},
    "sc.class.1": {"en": "trouser", "zh": "裤子"},
    "sc.class.2": {"en": "pullover", "zh": "套衫"},
    "sc.class.3": {"en": "dress", "zh": "连衣裙"},
    "sc.class.4": {"en": "coat", "zh": "外套"},
    "sc.class.5": {"en": "sandal", "zh": "凉鞋"},
    "sc.class.6": {"en": "shirt", "zh": "衬衫"},
    "sc.class.7": {"en": "sneaker", "zh": "运动鞋"},
    "sc.class.8": {"en": "bag", "zh": "包"},
    "sc.class.9": {"en": "ankle boot", "zh": "短靴"},
    # ---- the two implementations ----
    "sc.s_impl": {"en": "Two implementations, one model", "zh": "两种实现，同一个模型"},
    "sc.impl_intro": {
        "en": "Both compute $\\hat{\\mathbf y} = \\mathrm{softmax}(\\mathbf{x}\\mathbf{W} + "
              "\\mathbf{b})$ with $\\mathbf{W} \\in \\mathbb{R}^{784 \\times 10}$ and minimise "
              "the cross-entropy $l = -\\log \\hat{y}_{y}$ by minibatch SGD. With the same seed "
              "they start from the same weights, see the same minibatches and make the same "
              "updates. The code below is the code that trains on this page.",
        "zh": "两者都计算 $\\hat{\\mathbf y} = \\mathrm{softmax}(\\mathbf{x}\\mathbf{W} + "
              "\\mathbf{b})$，其中 $\\mathbf{W} \\in \\mathbb{R}^{784 \\times 10}$，并用小批量"
              "随机梯度下降最小化交叉熵 $l = -\\log \\hat{y}_{y}$。种子相同时，它们从相同的权重出发，"
              "看到相同的小批量，做相同的更新。下面的代码就是本页实际训练所用的代码。",
    },
    "sc.impl_scratch_md": {
        "en": "**From scratch** (3.6): $\\mathbf{W} \\sim \\mathcal{N}(0, 0.01^2)$, "
              "$\\mathbf{b} = 0$; `softmax` is $\\exp(X_{ij}) / \\sum_k \\exp(X_{ik})$ written "
              "out; `cross_entropy` picks $\\hat{y}_{i, y_i}$ and takes $-\\log$; `sgd` divides "
              "the gradient of the *summed* loss by the batch size.",
        "zh": "**从零实现**（3.6）：$\\mathbf{W} \\sim \\mathcal{N}(0, 0.01^2)$，"
              "$\\mathbf{b} = 0$；`softmax` 直接写成 $\\exp(X_{ij}) / \\sum_k \\exp(X_{ik})$；"
              "`cross_entropy` 取出 $\\hat{y}_{i, y_i}$ 再取 $-\\log$；`sgd` 把*求和*损失的梯度"
              "除以批量大小。",
    },
    "sc.impl_concise_md": {
        "en": "**Concise** (3.7): `nn.Sequential(nn.Flatten(), nn.Linear(784, 10))` with weights "
              "$\\sim \\mathcal{N}(0, 0.01^2)$; `nn.CrossEntropyLoss(reduction='none')` works on "
              "the logits (a stable log-softmax inside); `torch.optim.SGD` steps on "
              "`l.mean().backward()`.",
        "zh": "**简洁实现**（3.7）：`nn.Sequential(nn.Flatten(), nn.Linear(784, 10))`，权重 "
              "$\\sim \\mathcal{N}(0, 0.01^2)$；`nn.CrossEntropyLoss(reduction='none')` 直接作用于"
              "未规范化的输出（内部是数值稳定的 log-softmax）；`torch.optim.SGD` 根据 "
              "`l.mean().backward()` 更新。",
    },
    "sc.code_scratch": {"en": "The code that runs: from scratch", "zh": "实际运行的代码：从零实现"},
    "sc.code_concise": {"en": "The code that runs: concise", "zh": "实际运行的代码：简洁实现"},
    "sc.code_data": {"en": "The code that runs: minibatches and evaluation",
                     "zh": "实际运行的代码：小批量与评估"},
    # ---- training ----
    "sc.s_train": {"en": "Train it", "zh": "训练"},
    "sc.train_intro": {
        "en": "The book's settings are the defaults: batch size 256, learning rate 0.1, 10 epochs. "
              "The images stay in memory as bytes; each minibatch is a slice of a shuffled index, "
              "so an epoch takes a fraction of a second. Press **Train** and watch the curves.",
        "zh": "默认值即书中的设置：批量大小 256、学习率 0.1、10 个轮次。图像以字节形式常驻内存；"
              "每个小批量是打乱后索引的一段切片，所以一个轮次只需不到一秒。按下**训练**，观察曲线。",
    },
    "sc.impl": {"en": "Implementation", "zh": "实现方式"},
    "sc.impl.scratch": {"en": "From scratch", "zh": "从零实现"},
    "sc.impl.concise": {"en": "Concise", "zh": "简洁实现"},
    "sc.batch_size": {"en": "Batch size", "zh": "批量大小"},
    "sc.lr": {"en": "Learning rate", "zh": "学习率"},
    "sc.lr_help": {
        "en": "Try 1 or more with the from-scratch softmax: the logits grow until a probability "
              "underflows to 0 or $\\exp$ overflows, and the loss becomes nan.",
        "zh": "在从零实现的 softmax 上试试 1 或更大：未规范化输出不断增大，直到某个概率下溢为 0 "
              "或 $\\exp$ 上溢，损失变成 nan。",
    },
    "sc.epochs": {"en": "Epochs", "zh": "轮次"},
    "sc.train": {"en": "Train", "zh": "训练"},
    "sc.press_train": {"en": "Press **Train** to start.", "zh": "按下**训练**开始。"},
    "sc.progress": {"en": "Epoch {epoch} of {epochs}", "zh": "第 {epoch} / {epochs} 轮"},
    "sc.speed": {"en": "{seconds} s for the last epoch (training and test evaluation) on {device}",
                 "zh": "最近一轮用时 {seconds} 秒（训练加测试评估），设备：{device}"},
    "sc.nan": {
        "en": "Epoch {epoch}: the loss is not a number, so training stopped. With learning rate "
              "{lr} the logits grew so far apart that the naive softmax broke: the probability "
              "of a true class underflowed to 0 ($-\\log 0 = \\infty$, and the gradient "
              "$-1/0$ turns the weights into nan), or $\\exp$ overflowed ($\\infty / \\infty$ "
              "= nan). Your previous model, if any, is kept.",
        "zh": "第 {epoch} 轮：损失不是一个数，训练因此停止。学习率为 {lr} 时，未规范化输出相差过大，"
              "朴素的 softmax 失效了：某个真实类别的概率下溢为 0（$-\\log 0 = \\infty$，梯度 "
              "$-1/0$ 又把权重变成 nan），或者 $\\exp$ 上溢（$\\infty / \\infty$ = nan）。"
              "之前的模型（如果有）仍然保留。",
    },
    "sc.nan_link": {"en": "Why, and the fix: softmax overflow", "zh": "原因与解决办法：softmax 的上溢"},
    "sc.train_loss": {"en": "train loss", "zh": "训练损失"},
    "sc.train_acc": {"en": "train accuracy", "zh": "训练准确率"},
    "sc.test_acc": {"en": "test accuracy", "zh": "测试准确率"},
    "sc.epoch": {"en": "epoch", "zh": "轮次"},
    "sc.value": {"en": "value", "zh": "数值"},
    "sc.metric": {"en": "metric", "zh": "指标"},
    "sc.check_loss": {"en": "train loss {value} < 0.5", "zh": "训练损失 {value} < 0.5"},
    "sc.check_train": {"en": "train accuracy {value} > 0.7", "zh": "训练准确率 {value} > 0.7"},
    "sc.check_test": {"en": "test accuracy {value} > 0.7", "zh": "测试准确率 {value} > 0.7"},
    "sc.passed": {"en": "the book's check passed", "zh": "通过书中的检查"},
    "sc.failed": {"en": "the book's check failed", "zh": "未通过书中的检查"},
    "sc.trained_with": {
        "en": "This model: {impl}, batch size {bs}, learning rate {lr}, {epochs} epochs, seed "
              "{seed}; {total} s in all ({per_epoch} s per epoch) on {device}.",
        "zh": "当前模型：{impl}，批量大小 {bs}，学习率 {lr}，{epochs} 个轮次，种子 {seed}；"
              "共用时 {total} 秒（每轮 {per_epoch} 秒），设备：{device}。",
    },
    # ---- prediction grid ----
    "sc.s_grid": {"en": "Predictions on the test set", "zh": "在测试集上的预测"},
    "sc.need_model": {"en": "Train a model above first.", "zh": "请先在上方训练一个模型。"},
    "sc.grid_intro": {
        "en": "Each test image with its true class (bold) over the predicted one: "
              ":blue[✓ correct] or :orange[✗ wrong]. Pick an image below to see all ten "
              "probabilities.",
        "zh": "每张测试图像上方（粗体）是真实类别，下面是预测类别：:blue[✓ 正确] 或 :orange[✗ 错误]。"
              "在下方选择一张图像，查看全部十个概率。",
    },
    "sc.count": {"en": "How many images", "zh": "显示多少张图像"},
    "sc.filter": {"en": "Show", "zh": "显示"},
    "sc.filter.all": {"en": "all", "zh": "全部"},
    "sc.filter.mistakes": {"en": "only mistakes", "zh": "只看错误"},
    "sc.filter.class": {"en": "true class: {name}", "zh": "真实类别：{name}"},
    "sc.grid_count": {"en": "{shown} of {wanted} images shown.",
                      "zh": "显示了 {shown} 张（要求 {wanted} 张）。"},
    "sc.pick": {"en": "Image to inspect", "zh": "要查看的图像"},
    "sc.pick_label": {"en": "#{index}: {true} → {pred}", "zh": "#{index}：{true} → {pred}"},
    "sc.role_true": {"en": "true class", "zh": "真实类别"},
    "sc.role_wrong": {"en": "predicted (wrong)", "zh": "预测类别（错误）"},
    "sc.role_other": {"en": "other", "zh": "其他"},
    "sc.role_predicted": {"en": "predicted", "zh": "预测类别"},
    "sc.probability": {"en": "predicted probability", "zh": "预测概率"},
    "sc.class": {"en": "class", "zh": "类别"},
    # ---- inside the model ----
    "sc.s_inside": {"en": "Look inside the model", "zh": "观察模型内部"},
    "sc.weights_intro": {
        "en": "Column $k$ of $\\mathbf{W}$ holds 784 weights, one per pixel: drawn as a 28 × 28 "
              "image, it shows which pixels raise (orange) or lower (blue) the score "
              "$o_k = \\mathbf{x}\\mathbf{w}_k + b_k$ of class $k$. You can often see the garment's "
              "outline.",
        "zh": "$\\mathbf{W}$ 的第 $k$ 列有 784 个权重，每个像素一个：把它画成 28 × 28 的图像，"
              "就能看到哪些像素提高（橙色）或降低（蓝色）类别 $k$ 的得分 "
              "$o_k = \\mathbf{x}\\mathbf{w}_k + b_k$。常常能看出衣物的轮廓。",
    },
    "sc.weight": {"en": "weight", "zh": "权重"},
    "sc.confusion_intro": {
        "en": "The confusion matrix counts, for each true class (row), how the 1,000 test images "
              "were classified (column); the diagonal is correct. On the right: each class's "
              "accuracy. Shirts, t-shirts, pullovers and coats are the hard ones.",
        "zh": "混淆矩阵统计每个真实类别（行）的 1,000 张测试图像被分到了哪一类（列）；对角线是正确的。"
              "右侧是每个类别的准确率。衬衫、T恤、套衫和外套最难区分。",
    },
    "sc.true": {"en": "true class", "zh": "真实类别"},
    "sc.predicted": {"en": "predicted class", "zh": "预测类别"},
    "sc.count_images": {"en": "images", "zh": "图像数"},
    "sc.class_accuracy": {"en": "accuracy per class", "zh": "各类别准确率"},
    # ---- your picture ----
    "sc.s_upload": {"en": "Try your own picture", "zh": "试试你自己的图片"},
    "sc.upload_intro": {
        "en": "Upload a photo or drawing of a garment (PNG, JPEG, GIF, WebP or BMP). It is "
              "prepared the way the data set was made: grayscale, inverted when the background "
              "is light (Fashion-MNIST's garments are light on black), trimmed, fitted into "
              "28 × 28 keeping its proportions, and scaled to $[0, 1]$. The picture stays in "
              "this session only.",
        "zh": "上传一张衣物的照片或图画（PNG、JPEG、GIF、WebP 或 BMP）。它会按数据集的制作方式处理："
              "转为灰度，背景较亮时取反（Fashion-MNIST 的衣物是黑底上的亮色），裁去空白，保持比例缩放到 "
              "28 × 28 以内，再缩放到 $[0, 1]$。图片只保留在本次会话中。",
    },
    "sc.upload": {"en": "Your picture", "zh": "你的图片"},
    "sc.bad.empty": {"en": "The file is empty.", "zh": "文件是空的。"},
    "sc.bad.too_big": {"en": "The file is larger than {mb} MB; please upload a smaller one.",
                       "zh": "文件超过 {mb} MB，请上传小一些的文件。"},
    "sc.bad.not_image": {
        "en": "This file is not an image this page can read (PNG, JPEG, GIF, WebP or BMP).",
        "zh": "该文件不是本页能读取的图像（PNG、JPEG、GIF、WebP 或 BMP）。",
    },
    "sc.bad.too_many_pixels": {
        "en": "The image has more than {mp} million pixels; it was refused before decoding. "
              "Please upload a smaller one.",
        "zh": "图像超过 {mp} 百万像素，在解码前就已拒绝。请上传小一些的图像。",
    },
    "sc.bad.animated": {"en": "Animated images are not supported: upload a single still picture.",
                        "zh": "不支持动图：请上传一张静态图片。"},
    "sc.bad.damaged": {"en": "The image is damaged or truncated and cannot be decoded.",
                       "zh": "图像已损坏或不完整，无法解码。"},
    "sc.prepared": {"en": "What the model sees (from {w} × {h} pixels)",
                    "zh": "模型看到的图像（原图 {w} × {h} 像素）"},
    "sc.inverted": {"en": "The background was light, so the picture was inverted.",
                    "zh": "背景较亮，因此图像已取反。"},
    "sc.your_prediction": {"en": "The model says: **{name}** ({p}).",
                           "zh": "模型认为：**{name}**（{p}）。"},
    # ---- keep the result ----
    "sc.s_keep": {"en": "Keep the result", "zh": "保存结果"},
    "sc.keep_intro": {
        "en": "The trained model belongs to your session only. Download its weights "
              "(`state_dict`, saved with `torch.save`) and the metrics of every epoch.",
        "zh": "训练好的模型只属于你的会话。可以下载它的权重（用 `torch.save` 保存的 `state_dict`）"
              "以及每一轮的指标。",
    },
    "sc.download_weights": {"en": "Weights (state_dict, .pt)", "zh": "权重（state_dict，.pt）"},
    "sc.download_metrics": {"en": "Metrics per epoch (CSV)", "zh": "每轮指标（CSV）"},
    "sc.load_code": {
        "en": "import torch\nstate = torch.load('{file}')  # tensors only: weights_only=True\n"
              "print({{k: v.shape for k, v in state.items()}})",
        "zh": "import torch\nstate = torch.load('{file}')  # 只含张量：weights_only=True\n"
              "print({{k: v.shape for k, v in state.items()}})",
    },
    # ---- exercises (d2l 3.6 and 3.7) ----
    "sc.ex1.q": {
        "en": "We implemented `softmax` directly from its definition. What problems might this "
              "cause? (Hint: compute $\\exp(50)$, and try a large learning rate above.)",
        "zh": "我们直接按定义实现了 `softmax`。这可能导致什么问题？（提示：算一算 $\\exp(50)$，"
              "并在上面试试很大的学习率。）",
    },
    "sc.ex1.a": {
        "en": "$\\exp(x)$ overflows float32 for $x > 88.7$: the numerator and the sum become "
              "$\\infty$ and $\\infty/\\infty$ = nan. Subtracting the row maximum first "
              "($\\mathrm{softmax}(\\mathbf{o}) = \\mathrm{softmax}(\\mathbf{o} - \\max_k o_k)$) "
              "gives the same result without overflow; the softmax overflow page shows it.",
        "zh": "当 $x > 88.7$ 时 $\\exp(x)$ 超出 float32 的范围：分子和分母都变成 $\\infty$，"
              "$\\infty/\\infty$ = nan。先减去每行的最大值"
              "（$\\mathrm{softmax}(\\mathbf{o}) = \\mathrm{softmax}(\\mathbf{o} - \\max_k o_k)$）"
              "结果不变，却不会上溢；softmax 上溢页面演示了这一点。",
    },
    "sc.ex2.q": {
        "en": "`cross_entropy` follows the definition $-\\log \\hat{y}_y$. What could go wrong? "
              "(Hint: the domain of the logarithm.)",
        "zh": "`cross_entropy` 按定义 $-\\log \\hat{y}_y$ 实现。可能出什么问题？（提示：对数的定义域。）",
    },
    "sc.ex2.a": {
        "en": "If the probability of the true class underflows to 0, $-\\log 0 = \\infty$ and "
              "the gradient is useless. Computing $\\log \\hat{y}_y = o_y - \\log\\sum_k \\exp "
              "o_k$ from the logits (log-sum-exp with the maximum subtracted) never takes the "
              "log of 0 — this is what `nn.CrossEntropyLoss` does.",
        "zh": "如果真实类别的概率下溢为 0，$-\\log 0 = \\infty$，梯度也就没有意义了。直接从未规范化输出"
              "计算 $\\log \\hat{y}_y = o_y - \\log\\sum_k \\exp o_k$（减去最大值的 log-sum-exp），"
              "就不会对 0 取对数——`nn.CrossEntropyLoss` 正是这样做的。",
    },
    "sc.ex3.q": {
        "en": "Is it always a good idea to return the most likely label? Would you do this for a "
              "medical diagnosis?",
        "zh": "总是返回最可能的标签是个好主意吗？在医学诊断中你会这样做吗？",
    },
    "sc.ex3.a": {
        "en": "No: the most likely label ignores the cost of each mistake. When missing a disease "
              "costs far more than a false alarm, act on the probabilities with a threshold "
              "chosen for those costs (and report the uncertainty), not on the arg max alone.",
        "zh": "不是：最可能的标签忽略了每种错误的代价。如果漏诊的代价远高于误报，就应该根据这些代价"
              "选定阈值、依据概率来决策（并报告不确定性），而不是只看 arg max。",
    },
    "sc.ex4.q": {
        "en": "Train for more epochs (say 30). Why might the test accuracy stop improving or even "
              "drop after a while, and what could you do?",
        "zh": "训练更多轮次（比如 30 轮）。为什么测试准确率过一段时间后可能不再提高甚至下降？可以怎么办？",
    },
    "sc.ex4.a": {
        "en": "The model keeps fitting the training set (train loss still falls) while what it "
              "learns generalises less: overfitting. Stop early when a validation score stops "
              "improving, add weight decay, or lower the learning rate. For this small linear "
              "model the effect is mild; the gap between train and test accuracy shows it.",
        "zh": "模型仍在拟合训练集（训练损失继续下降），但学到的东西泛化得越来越差：这就是过拟合。"
              "可以在验证集分数不再提高时提前停止、加入权重衰减，或降低学习率。对这个小小的线性模型，"
              "这种效应比较温和；训练准确率与测试准确率之间的差距就能说明。",
    },
    "sc.alt_train": {"en": "A training image: {name}", "zh": "一张训练图像：{name}"},
    "sc.alt_grid": {"en": "A test image of a {true}, predicted {pred}: {verdict}",
                    "zh": "一张{true}的测试图像，预测为{pred}：{verdict}"},
    "sc.alt_right": {"en": "right", "zh": "正确"},
    "sc.alt_wrong": {"en": "wrong", "zh": "错误"},
    "sc.alt_upload": {"en": "Your picture as the model sees it: 28 × 28 grey pixels",
                      "zh": "模型眼中的你的图片：28 × 28 的灰度像素"},
    "sc.theory_link": {
        "en": "Why the labels are one-hot and the loss is the cross-entropy: Softmax regression",
        "zh": "为什么标签用独热编码、损失用交叉熵损失：softmax 回归",
    },
}
