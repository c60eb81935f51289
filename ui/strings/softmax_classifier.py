"""Strings of the softmax classifier page (prefix "sc.")."""

STRINGS: dict[str, dict[str, str]] = {
    # ---- the page's head
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
        "zh": "本章的压轴（《动手学深度学习》3.5–3.7 节）：在真实数据集上实时训练 softmax 回归，然后深入观察训练好的"
              "模型：它的预测、它的权重、它混淆的类别，以及它如何看待你自己的图片。",
    },
    # ---- the data
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
    "sc.image_tensor": {
        "en": "In the book (3.5), `transforms.ToTensor()` turns each image into a {dtype} "
              "tensor of shape {shape}: channels × height × width, one channel because it is "
              "grayscale, values from {low} to {high}. `load_data_fashion_mnist(batch_size, "
              "resize=64)` puts `transforms.Resize(64)` first, for models that expect larger "
              "inputs: the first training image then has shape {resized}. A minibatch of "
              "$n$ images is $n \\times 1 \\times 28 \\times 28$.",
        "zh": "书中（3.5 节）`transforms.ToTensor()` 把每张图像变成形状为 {shape} 的 {dtype} "
              "张量：通道数 × 高 × 宽，灰度图像只有一个通道，取值从 {low} 到 {high}。"
              "`load_data_fashion_mnist(batch_size, resize=64)` 会先加上 `transforms.Resize(64)`，"
              "供需要更大输入的模型使用：这时训练集的第一张图像的形状是 {resized}。$n$ 张图像的"
              "小批量是 $n \\times 1 \\times 28 \\times 28$。",
    },
    "sc.alt_train": {"en": "A training image: {name}", "zh": "一张训练图像：{name}"},
    # ---- the two implementations
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
        "zh": "**从零开始实现**（3.6 节）：$\\mathbf{W} \\sim \\mathcal{N}(0, 0.01^2)$，"
              "$\\mathbf{b} = 0$；`softmax` 直接写成 $\\exp(X_{ij}) / \\sum_k \\exp(X_{ik})$；"
              "`cross_entropy` 取出 $\\hat{y}_{i, y_i}$ 再取 $-\\log$；`sgd` 把*求和*损失的梯度"
              "除以批量大小。",
    },
    "sc.impl_concise_md": {
        "en": "**Concise** (3.7): `nn.Sequential(nn.Flatten(), nn.Linear(784, 10))` with weights "
              "$\\sim \\mathcal{N}(0, 0.01^2)$; `nn.CrossEntropyLoss(reduction='none')` works on "
              "the logits (a stable log-softmax inside); `torch.optim.SGD` steps on "
              "`l.mean().backward()`.",
        "zh": "**简洁实现**（3.7 节）：`nn.Sequential(nn.Flatten(), nn.Linear(784, 10))`，权重 "
              "$\\sim \\mathcal{N}(0, 0.01^2)$；`nn.CrossEntropyLoss(reduction='none')` 直接作用于"
              "未规范化的预测（logit），内部用的是数值稳定的 log-softmax；`torch.optim.SGD` 根据 "
              "`l.mean().backward()` 更新。",
    },
    "sc.theory_link": {
        "en": "Why the labels are one-hot and the loss is the cross-entropy: Softmax regression",
        "zh": "为什么标签用独热编码、损失用交叉熵损失：softmax 回归",
    },
    "sc.code_scratch": {"en": "The code that runs: from scratch",
                       "zh": "实际运行的代码：从零开始实现"},
    "sc.code_concise": {"en": "The code that runs: concise", "zh": "实际运行的代码：简洁实现"},
    "sc.code_data": {"en": "The code that runs: minibatches and evaluation",
                     "zh": "实际运行的代码：小批量与评估"},
    # ---- the book's code and pipeline, next to ours (d2l 3.5-3.7)
    "sc.s_book": {"en": "The book's code, next to ours", "zh": "书中的代码与本页代码的对照"},
    "sc.worked": {
        "en": r"**The book's worked example** (3.6.4), computed now with the book's "
              r"`cross_entropy` and `accuracy`: two examples, three classes, "
              r"`y_hat = {y_hat}` and labels `y = {y}`. "
              r"`y_hat[[0, 1], y]` picks the probabilities of the true classes, {picked}; "
              r"the losses $-\log$ of them are {losses}; the first example is predicted "
              r"class 2 (wrong), the second class 2 (right), so the accuracy is {accuracy}.",
        "zh": r"**书中的例子**（3.6.4 节），现在用书中的 `cross_entropy` 和 `accuracy` 计算：两个样本、"
              r"三个类别，`y_hat = {y_hat}`，标签 `y = {y}`。"
              r"`y_hat[[0, 1], y]` 取出真实类别的概率 {picked}；取 $-\log$ 得到损失 {losses}；"
              r"第一个样本预测为类别 2（错），第二个预测为类别 2（对），所以精度为 {accuracy}。",
    },
    "sc.untrained": {
        "en": "**Before any training** (seed {seed}: $\\mathbf{{W}} \\sim \\mathcal{{N}}(0, "
              "0.01^2)$, $\\mathbf{{b}} = 0$) the model's accuracy on the test set, the book's "
              "`evaluate_accuracy(net, test_iter)`, is {acc}. The book expects about 0.1, "
              "guessing among ten classes; it is not exactly 0.1 because random weights do not "
              "guess evenly: this model calls {share} of the test images {name}.",
        "zh": "**训练之前**（种子 {seed}：$\\mathbf{{W}} \\sim \\mathcal{{N}}(0, 0.01^2)$，"
              "$\\mathbf{{b}} = 0$），模型在测试集上的精度（即书中的 `evaluate_accuracy(net, test_iter)`）"
              "是 {acc}。书中预计约为 0.1，相当于在十个类别中随机猜；不恰好是 0.1，是因为随机权重并不均匀地"
              "猜：这个模型把 {share} 的测试图像都判为{name}。",
    },
    "sc.bias_note": {
        "en": "**The concise model's bias starts at 0 here.** The book's `init_weights` sets only "
              "the weight ($\\mathcal{N}(0, 0.01^2)$), so its bias keeps `nn.Linear`'s default, "
              "uniform on $(-1/\\sqrt{784}, 1/\\sqrt{784}) = (-0.036, 0.036)$. This page copies "
              "the from-scratch start ($\\mathbf{W}$ and $\\mathbf{b} = 0$) into `nn.Linear` so "
              "that both implementations make the very same updates and can be compared step "
              "by step. The book's small random bias changes the first steps only a little.",
        "zh": "**本页简洁实现的偏置从 0 开始。** 书中的 `init_weights` 只设置权重"
              "（$\\mathcal{N}(0, 0.01^2)$），偏置保留 `nn.Linear` 的默认初始化，即在 "
              "$(-1/\\sqrt{784}, 1/\\sqrt{784}) = (-0.036, 0.036)$ 上均匀分布。本页把从零实现的起点"
              "（$\\mathbf{W}$ 和 $\\mathbf{b} = 0$）复制进 `nn.Linear`，这样两种实现做完全相同的更新，"
              "可以逐步对照。书中那一点随机偏置对最初几步的影响很小。",
    },
    "sc.book_code": {"en": "The book's code (d2l 3.5–3.7)", "zh": "书中的代码（3.5–3.7 节）"},
    "sc.our_code": {"en": "The code that runs here", "zh": "本页实际运行的代码"},
    "sc.book_diffs": {
        "en": "What differs, and what it buys:\n"
              "- **Data in memory as uint8.** The book's `DataLoader` opens every image as a PIL "
              "image and converts it with `ToTensor` once per image per epoch. Here the 70,000 "
              "images are decoded once per server into a uint8 tensor (55 MB, a quarter of "
              "float32); a minibatch is an `index_select` of a shuffled index, scaled to "
              "$[0, 1]$ on the fly.\n"
              "- **One sync per epoch.** The book's `Accumulator` calls `float()` on the loss and "
              "the accuracy of every batch, a device-to-host read that waits for the step to "
              "finish. Here the sums stay tensors and are read once at the end of the epoch.\n"
              "- **`gather` instead of fancy indexing.** `y_hat[range(len(y_hat)), y]` builds an "
              "index from a Python range each step; `y_hat.gather(1, y.unsqueeze(1))` picks the "
              "same entries with one kernel.\n"
              "- **`grad = None` instead of `grad.zero_()`.** The next `backward` writes a fresh "
              "gradient instead of adding to a buffer of zeros; one fused `sub_` per tensor.\n"
              "- **Evaluation in four batches of 2,500**, in order and without gradients, "
              "instead of 40 DataLoader batches of 256.",
        "zh": "有什么不同，换来了什么：\n"
              "- **数据以 uint8 常驻内存。** 书中的 `DataLoader` 每个迭代周期都要把每张图像作为 PIL 图像"
              "打开，再用 `ToTensor` 转换一次。本页在每个服务器进程中只解码一次，把 70,000 张图像存成 "
              "uint8 张量（55 MB，是 float32 的四分之一）；一个小批量就是对打乱后索引的一次 "
              "`index_select`，随用随缩放到 $[0, 1]$。\n"
              "- **每个迭代周期只同步一次。** 书中的 `Accumulator` 对每个批量的损失和精度调用 "
              "`float()`，这是一次从设备到主机的读取，要等这一步算完。本页把求和保留为张量，"
              "在迭代周期结束时只读一次。\n"
              "- **用 `gather` 代替花式索引。** `y_hat[range(len(y_hat)), y]` 每一步都要从 Python 的 "
              "range 构造索引；`y_hat.gather(1, y.unsqueeze(1))` 用一个内核取出同样的元素。\n"
              "- **用 `grad = None` 代替 `grad.zero_()`。** 下一次 `backward` 直接写入新的梯度，"
              "而不是累加到一块全零的缓冲区；每个张量只做一次融合的 `sub_`。\n"
              "- **评估分四批、每批 2,500 张**，按顺序、不计算梯度，而不是 DataLoader 的 40 个"
              "大小为 256 的批量。",
    },
    "sc.book_run_intro": {
        "en": "The button really runs one epoch of the book's pipeline (torchvision's "
              "`FashionMNIST` with `ToTensor` through a `DataLoader`, read from the same "
              "verified files this page uses, then `train_epoch_ch3` and `evaluate_accuracy`) "
              "and one epoch of ours, with the same starting model, batch size 256 and learning "
              "rate 0.1, both on the CPU. It takes a few seconds.",
        "zh": "这个按钮真的会跑一个迭代周期的书中流水线（torchvision 的 `FashionMNIST` 加 `ToTensor`，"
              "经 `DataLoader` 读取本页所用的同一批已校验文件，再调用 `train_epoch_ch3` 和 "
              "`evaluate_accuracy`），再跑一个迭代周期的本页实现：相同的初始模型、批量大小 256、"
              "学习率 0.1，都在 CPU 上。需要几秒钟。",
    },
    "sc.book_workers": {
        "en": "The book's DataLoaders use {workers} worker {workers:process|processes} here (the book uses 4). "
              "The environment variable D2L_BOOK_WORKERS sets the number (at most 8); it is 0 by "
              "default, so that a shared server never starts new processes for a click.",
        "zh": "这里书中的 DataLoader 使用 {workers} 个工作进程（书中用 4 个）。进程数由环境变量 "
              "D2L_BOOK_WORKERS 设定（最多 8 个）；默认为 0，这样共享服务器不会因为一次点击就启动新进程。",
    },
    "sc.book_run": {"en": "Run one epoch the book's way", "zh": "按书中的方式跑一个迭代周期"},
    "sc.book_running": {
        "en": "One epoch of each pipeline is running on the server (it goes through the same "
              "queue as every training run here)…",
        "zh": "服务器正在为两条流水线各跑一个迭代周期（与本页所有训练一样经过同一个队列）……",
    },
    "sc.book_failed": {
        "en": "The book's pipeline could not run here: {detail}",
        "zh": "书中的流水线无法在这里运行：{detail}",
    },
    "sc.book_failed.data": {
        "en": "the data set's files could not be read (the server's log says which).",
        "zh": "无法读取数据集的文件（服务器日志中写明是哪一个）。",
    },
    "sc.book_failed.workers": {
        "en": "its DataLoader's worker processes could not start (the server's log says why).",
        "zh": "其 DataLoader 的工作进程无法启动（原因见服务器日志）。",
    },
    "sc.book_failed.failed": {
        "en": "it stopped with an error (the server's log has the detail).",
        "zh": "运行中出错而停止（详情见服务器日志）。",
    },
    "sc.book_gone": {
        "en": "Your epoch the book's way was given up before it ran: the server heard nothing "
              "from this page for minutes. Press the button again to queue it.",
        "zh": "你的“按书中的方式跑一个迭代周期”在运行前被放弃了：服务器几分钟都没有收到这个页面的消息。"
              "再按一次这个按钮重新排队。",
    },
    "sc.book_replaced": {
        "en": "Your epoch the book's way was stopped: Train started another run, and each "
              "student has one run at a time. Press the button again when that run is done.",
        "zh": "你的“按书中的方式跑一个迭代周期”已停止：你按下了“训练”，开始了另一次运行，"
              "而每位学生同一时间只有一次运行。那次运行结束后再按一次这个按钮。",
    },
    "sc.book_result": {
        "en": "One epoch the book's way: **{book} s**; ours: **{ours} s**, **{ratio}×** faster "
              "(seed {seed}, one measurement on a shared machine: the ratio varies from run to run).",
        "zh": "按书中的方式跑一个迭代周期：**{book} 秒**；本页实现：**{ours} 秒**，快 **{ratio} 倍**"
              "（种子 {seed}；共享机器上的单次测量，比值每次都会变）。",
    },
    "sc.col.pipeline": {"en": "pipeline", "zh": "流水线"},
    "sc.col.stage": {"en": "stage", "zh": "阶段"},
    "sc.col.seconds": {"en": "seconds", "zh": "秒"},
    "sc.pipe.book": {"en": "the book", "zh": "书中"},
    "sc.pipe.ours": {"en": "ours", "zh": "本页"},
    "sc.stage.load": {"en": "DataLoader: read, ToTensor, collate", "zh": "DataLoader：读取、ToTensor、拼批"},
    "sc.stage.step": {"en": "forward, backward, sgd, float() per batch",
                      "zh": "前向、反向、sgd、每批 float()"},
    "sc.stage.evaluate": {"en": "test evaluation", "zh": "测试集评估"},
    "sc.stage.total": {"en": "whole epoch", "zh": "整个迭代周期"},
    "sc.stage.batches": {"en": "minibatches: index_select, uint8 → float",
                         "zh": "小批量：index_select、uint8 → float"},
    "sc.stage.forward": {"en": "+ forward and loss", "zh": "+ 前向与损失"},
    "sc.stage.backward": {"en": "+ backward", "zh": "+ 反向传播"},
    "sc.stage.sgd": {"en": "+ sgd", "zh": "+ sgd"},
    "sc.stage.metrics": {"en": "+ loss and accuracy sums", "zh": "+ 损失与精度求和"},
    "sc.col.train_loss": {"en": "train loss", "zh": "训练损失"},
    "sc.col.train_acc": {"en": "train accuracy", "zh": "训练精度"},
    "sc.col.test_acc": {"en": "test accuracy", "zh": "测试精度"},
    "sc.stages_caption": {
        "en": "Our stages are timed in separate runs of one epoch, each adding one stage to the "
              "previous (cumulative seconds), so they do not add up exactly to the whole epoch. "
              "Both pipelines train the same model from the same start, shuffled differently: "
              "compare their loss and accuracy in the table on the right.",
        "zh": "本页实现的各阶段是在单独的一个迭代周期里分别计时的，每次比上一次多一个阶段（累计秒数），"
              "所以加起来不会恰好等于整个迭代周期。两条流水线从同一起点训练同一个模型，只是打乱的顺序不同："
              "在右边的表中比较它们的损失和精度。",
    },
    # ---- training: the controls, Train, the run as it goes
    "sc.s_train": {"en": "Train it", "zh": "训练"},
    "sc.train_intro": {
        "en": "The book's settings are the defaults: batch size 256, learning rate 0.1, 10 epochs. "
              "The images stay in memory as bytes; each minibatch is a slice of a shuffled index, "
              "so an epoch is quick; the page reports how long yours took. Press **Train** and "
              "watch the curves.",
        "zh": "默认值即书中的设置：批量大小 256、学习率 0.1、10 个迭代周期。图像以字节形式常驻内存；"
              "每个小批量是打乱后索引的一段切片，所以一个迭代周期很快；页面会报告你的每个迭代周期用了多久。"
              "按下**训练**，观察曲线。",
    },
    "sc.impl": {"en": "Implementation", "zh": "实现方式"},
    "sc.impl.scratch": {"en": "From scratch", "zh": "从零开始实现"},
    "sc.impl.concise": {"en": "Concise", "zh": "简洁实现"},
    "sc.batch_size": {"en": "Batch size", "zh": "批量大小"},
    "sc.lr": {"en": "Learning rate", "zh": "学习率"},
    "sc.lr_help": {
        "en": "Try 1 or more with the from-scratch softmax: the logits grow until a probability "
              "underflows to 0 or $\\exp$ overflows, and the loss becomes nan.",
        "zh": "在从零开始实现的 softmax 上试试 1 或更大：未规范化的预测不断增大，直到某个概率下溢为 0 "
              "或 $\\exp$ 上溢，损失变成 nan。",
    },
    "sc.epochs": {"en": "Epochs", "zh": "迭代周期数"},
    "sc.train": {"en": "Train", "zh": "训练"},
    "sc.press_train": {"en": "Press **Train** to start.", "zh": "按下**训练**开始。"},
    "sc.stop": {"en": "Stop", "zh": "停止"},
    "sc.progress": {"en": "Epoch {epoch} of {epochs}", "zh": "第 {epoch}/{epochs} 个迭代周期"},
    "sc.speed": {"en": "{seconds} s for the last epoch (training and test evaluation) on {device}",
                 "zh": "最近一个迭代周期用时 {seconds} 秒（训练加测试评估），设备：{device}"},
    "sc.train_loss": {"en": "train loss", "zh": "训练损失"},
    "sc.train_acc": {"en": "train accuracy", "zh": "训练精度"},
    "sc.test_acc": {"en": "test accuracy", "zh": "测试精度"},
    "sc.epoch": {"en": "epoch", "zh": "迭代周期"},
    "sc.value": {"en": "accuracy", "zh": "精度"},
    "sc.metric": {"en": "metric", "zh": "指标"},
    # ---- training: a run stopped or diverged
    "sc.stopped": {
        "en": "Stopped after epoch {epoch} of {epochs} (learning rate {lr}): a stopped run's "
              "model is not kept. Press **Train** to run it again.",
        "zh": "已在第 {epoch}/{epochs} 个迭代周期后停止（学习率 {lr}）：停止的训练不保留模型。"
              "按下**训练**重新运行。"},
    "sc.stopped_previous": {
        "en": "The other sections still show your previous model (learning rate {lr}, "
              "number of epochs {epochs}).",
        "zh": "其他各节仍显示你上一次训练的模型（学习率 {lr}，{epochs} 个迭代周期）。"},
    "sc.nan": {
        "en": "Epoch {epoch}: the loss is not a number, so training stopped. With learning rate "
              "{lr} the logits grew so far apart that the naive softmax broke: the probability "
              "of a true class underflowed to 0 ($-\\log 0 = \\infty$, and the gradient "
              "$-1/0$ turns the weights into nan), or $\\exp$ overflowed ($\\infty / \\infty$ "
              "= nan). Your previous model, if any, is kept.",
        "zh": "第 {epoch} 个迭代周期：损失不是一个数，训练因此停止。学习率为 {lr} 时，未规范化的预测相差过大，"
              "朴素的 softmax 失效了：某个真实类别的概率下溢为 0（$-\\log 0 = \\infty$，梯度 "
              "$-1/0$ 又把权重变成 nan），或者 $\\exp$ 上溢（$\\infty / \\infty$ = nan）。"
              "之前的模型（如果有）仍然保留。",
    },
    "sc.nan_link": {"en": "Why, and the fix: softmax overflow", "zh": "原因与解决办法：softmax 的上溢"},
    # ---- training: the replay (issue 16 §2), the book's checks
    "sc.replay": {"en": "Replay the run: epoch", "zh": "回放这次训练：第几个迭代周期"},
    "sc.replay_help": {
        "en": "Drag to see the curves and the weights as they were after this epoch.",
        "zh": "拖动滑块，查看这个迭代周期结束时的曲线和权重。",
    },
    "sc.play": {"en": "Play", "zh": "播放"},
    "sc.play_help": {
        "en": "Plays the run from the slider's epoch (from the first when it is at the end). "
              "Touch the slider to stop the player at the epoch you choose.",
        "zh": "从滑块所在的迭代周期开始播放（滑块在末尾时从第一个开始）。动一下滑块，播放就停在你选的"
              "迭代周期。",
    },
    "sc.play_speed": {"en": "Speed (epochs per second)", "zh": "速度（每秒迭代周期数）"},
    "sc.replay_at": {
        "en": "Shown: epoch {epoch} of {epochs} · training loss {loss}, training accuracy "
              "{train_acc}, test accuracy {test_acc}",
        "zh": "当前显示：第 {epoch}/{epochs} 个迭代周期 · 训练损失 {loss}，训练精度 {train_acc}，"
              "测试精度 {test_acc}",
    },
    "sc.replay_weights": {"en": "The weights after epoch {epoch}", "zh": "第 {epoch} 个迭代周期结束时的权重"},
    "sc.check_loss": {"en": "train loss {value} < 0.5", "zh": "训练损失 {value} < 0.5"},
    "sc.check_loss.failed": {"en": "train loss {value} ≥ 0.5", "zh": "训练损失 {value} ≥ 0.5"},
    "sc.check_train": {"en": "train accuracy {value} > 0.7", "zh": "训练精度 {value} > 0.7"},
    "sc.check_train.failed": {"en": "train accuracy {value} ≤ 0.7",
                              "zh": "训练精度 {value} ≤ 0.7"},
    "sc.check_test": {"en": "test accuracy {value} > 0.7", "zh": "测试精度 {value} > 0.7"},
    "sc.check_test.failed": {"en": "test accuracy {value} ≤ 0.7", "zh": "测试精度 {value} ≤ 0.7"},
    "sc.passed": {"en": "the book's check passed", "zh": "通过书中的检查"},
    "sc.failed": {"en": "the book's check failed", "zh": "未通过书中的检查"},
    "sc.trained_with": {
        "en": "This model: {impl}, batch size {bs}, learning rate {lr}, {epochs} {epochs:epoch|epochs}, seed "
              "{seed}; {total} s in all ({per_epoch} s per epoch) on {device}.",
        "zh": "当前模型：{impl}，批量大小 {bs}，学习率 {lr}，{epochs} 个迭代周期，种子 {seed}；"
              "共用时 {total} 秒（每个迭代周期 {per_epoch} 秒），设备：{device}。",
    },
    # ---- the sections that show the model: before there is one, after a failed run
    "sc.need_model": {"en": "Train a model first, in the section “{train}”.",
                      "zh": "请先在“{train}”一节训练一个模型。"},
    "sc.previous_model": {
        "en": "The last run (learning rate {failed}) failed, so this shows your previous model "
              "(learning rate {lr}, number of epochs {epochs}).",
        "zh": "上一次训练（学习率 {failed}）失败了，这里显示的是你之前的模型（学习率 {lr}，"
              "{epochs} 个迭代周期）。",
    },
    # ---- the prediction grid, and the image inspected beside its probabilities
    "sc.s_grid": {"en": "Predictions on the test set", "zh": "在测试集上的预测"},
    "sc.grid_intro": {
        "en": "Each test image with its true class (bold) over the predicted one: "
              ":blue[✓ correct] or :red[✗ wrong]. Click an image (or choose it in the list "
              "below) to see all ten probabilities.",
        "zh": "每张测试图像下方先是真实类别（粗体），再是预测类别：:blue[✓ 正确] 或 :red[✗ 错误]。"
              "点击一张图像（或在网格下面的列表中选择），查看全部十个概率。",
    },
    "sc.count": {"en": "How many images", "zh": "显示多少张图像"},
    "sc.filter": {"en": "Show", "zh": "显示"},
    "sc.filter.all": {"en": "all", "zh": "全部"},
    "sc.filter.mistakes": {"en": "only mistakes", "zh": "只看错误"},
    "sc.filter.class": {"en": "true class: {name}", "zh": "真实类别：{name}"},
    "sc.grid_count": {"en": "{shown} of {wanted} {wanted:image|images} shown.",
                      "zh": "显示了 {shown} 张（要求 {wanted} 张）。"},
    "sc.pick": {"en": "Image to inspect", "zh": "要查看的图像"},
    "sc.pick_label": {"en": "#{index}: {true} → {pred}", "zh": "#{index}：{true} → {pred}"},
    "sc.grid_desc": {
        "en": "{shown} test {shown:image|images} in a grid, each with its true class and the prediction. "
              "Click one to inspect it.",
        "zh": "{shown} 张测试图像组成的网格，每张图下有真实类别和预测类别。点击一张即可查看。",
    },
    "sc.alt_grid": {"en": "A test image of the class {true}, predicted {pred}: {verdict}",
                    "zh": "一张{true}的测试图像，预测为{pred}：{verdict}"},
    "sc.alt_right": {"en": "right", "zh": "正确"},
    "sc.alt_wrong": {"en": "wrong", "zh": "错误"},
    "sc.inspected": {
        "en": "Test image #{index}: true class **{true}**, predicted **{pred}** ({p}).",
        "zh": "测试图像 #{index}：真实类别 **{true}**，预测为 **{pred}**（{p}）。",
    },
    "sc.alt_inspected": {"en": "The inspected test image, of the class {true}, predicted {pred}",
                         "zh": "正在查看的测试图像：{true}，预测为{pred}"},
    "sc.probability": {"en": "predicted probability", "zh": "预测概率"},
    "sc.class": {"en": "class", "zh": "类别"},
    "sc.role_true": {"en": "true class", "zh": "真实类别"},
    "sc.role_wrong": {"en": "predicted (wrong)", "zh": "预测类别（错误）"},
    "sc.role_other": {"en": "other", "zh": "其他"},
    "sc.role_predicted": {"en": "predicted", "zh": "预测类别"},
    # ---- inside the model: its weights, its confusions
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
    "sc.weight_scale": {"en": "weight (one scale for all ten)", "zh": "权重（十个类别同一色标）"},
    "sc.weights_desc": {
        "en": "The weights of the ten classes, each as a 28 × 28 picture: blue pixels lower the "
              "class's score, orange ones raise it; one colour scale from {low} to {high}.",
        "zh": "十个类别的权重，各画成一张 28 × 28 的图：蓝色像素降低该类别的得分，橙色像素提高得分；"
              "十张图共用一个色标，从 {low} 到 {high}。",
    },
    "sc.alt_weight": {"en": "The weights of class {name} as a 28 × 28 picture",
                      "zh": "类别「{name}」的权重，画成 28 × 28 的图"},
    "sc.weights_scale": {
        "en": "One colour scale for all ten: blue {low} · white 0 · orange {high}.",
        "zh": "十张图共用一个色标：蓝色 {low} · 白色 0 · 橙色 {high}。",
    },
    "sc.confusion_intro.own": {
        "en": "The confusion matrix counts, for each true class (row), how its test images were "
              "classified (column); the diagonal is correct. On the right: each class's accuracy.",
        "zh": "混淆矩阵统计每个真实类别（行）的测试图像被分到了哪一类（列）；对角线是分对的。"
              "右侧是每个类别的精度。",
    },
    "sc.true": {"en": "true class", "zh": "真实类别"},
    "sc.predicted": {"en": "predicted class", "zh": "预测类别"},
    "sc.count_images": {"en": "images", "zh": "图像数"},
    "sc.class_accuracy": {"en": "accuracy per class", "zh": "各类别的精度"},
    "sc.hardest": {
        "en": "**Your model's hardest classes:** {classes}. Its most frequent mistake: {count} of "
              "the {size} test images of {true} {count:was|were} taken for {pred}.",
        "zh": "**你的模型最难分对的类别：**{classes}。它最常犯的错误：{true}的 {size} 张测试图像中有 "
              "{count} 张被当成了{pred}。",
    },
    "sc.hardest_item": {"en": "{name} ({acc})", "zh": "{name}（{acc}）"},
    "sc.list_sep": {"en": ", ", "zh": "、"},
    # ---- calibration (d2l 3.4.3)
    "sc.s_calibration": {"en": "Calibration: can the probabilities be trusted?",
                         "zh": "校准：这些概率可信吗？"},
    "sc.calibration_intro": {
        "en": "Softmax outputs are more than a ranking: a model is **calibrated** (d2l 3.4.3) "
              "when its probabilities mean what they say: of all test images given a "
              "confidence $\\max_j \\hat y_j$ of about 0.5, about half should be right. A "
              "reliability diagram bins the test set by confidence and draws each bin's "
              "accuracy (bars) against its mean confidence (dots); a calibrated model follows "
              "the dashed diagonal. The expected calibration error sums the gaps, weighted by "
              "the share of images in each bin:",
        "zh": "softmax 的输出不只是一个排序：如果模型给出的概率名副其实，就说它是**校准的**"
              "（3.4.3 节）：在所有置信度 $\\max_j \\hat y_j$ 约为 0.5 的测试图像中，应该大约有"
              "一半分对了。可靠性图按置信度把测试集分箱，画出每个箱的精度（柱）与平均置信度（点）；"
              "校准的模型沿着虚线对角线。期望校准误差把各箱的差距按图像所占比例加权求和：",
    },
    "sc.calibration_none": {
        "en": "No trained model yet, so there is nothing of yours to calibrate. Before "
              "training, $\\mathbf{{W}} \\sim \\mathcal{{N}}(0, 0.01^2)$ and "
              "$\\mathbf{{b}} = 0$ give every class about $1/10$: its mean confidence on the "
              "test set is {conf}, its accuracy {acc}, ECE {ece}. Train a model in "
              "“{train}” and its own diagram appears here.",
        "zh": "还没有训练好的模型，所以没有你自己的模型可以检验校准。训练之前，"
              "$\\mathbf{{W}} \\sim \\mathcal{{N}}(0, 0.01^2)$、$\\mathbf{{b}} = 0$ 给每个"
              "类别的概率都约为 $1/10$：它在测试集上的平均置信度是 {conf}，精度是 {acc}，ECE 为 "
              "{ece}。在“{train}”中训练一个模型，"
              "这里就会画出它自己的可靠性图。",
    },
    "sc.reliability_x": {"en": "confidence max ŷ_j (bin)", "zh": "置信度 max ŷ_j（分箱）"},
    "sc.reliability_y": {"en": "accuracy in the bin", "zh": "箱内精度"},
    "sc.reliability_desc": {
        "en": "Reliability diagram of your model on the 10,000 test images: ten bins of "
              "confidence, each a bar as tall as its accuracy with a dot at its mean "
              "confidence, and the dashed diagonal of a calibrated model. ECE {ece}.",
        "zh": "你的模型在 10,000 张测试图像上的可靠性图：十个置信度箱，每个箱的柱高是它的精度，"
              "点是它的平均置信度，虚线对角线代表校准的模型。ECE 为 {ece}。",
    },
    "sc.calibration_text": {
        "en": "Your model: of the {n_half} test {n_half:image|images} given a confidence in [0.5, 0.6), "
              "{acc_half} were right (mean confidence {conf_half}). Over the whole test set "
              "the mean confidence is {conf} and the accuracy {acc}: {verdict} ECE = {ece}.",
        "zh": "你的模型：在置信度落在 [0.5, 0.6) 的 {n_half} 张测试图像中，分对的比例是 "
              "{acc_half}（平均置信度 {conf_half}）。在整个测试集上，平均置信度为 {conf}，"
              "精度为 {acc}：{verdict}ECE = {ece}。",
    },
    "sc.calibration.over": {"en": "overconfident by {gap} on average.",
                            "zh": "平均而言过于自信，高估了 {gap}。"},
    "sc.calibration.under": {"en": "underconfident by {gap} on average.",
                             "zh": "平均而言不够自信，低估了 {gap}。"},
    "sc.col_bin": {"en": "confidence bin", "zh": "置信度箱"},
    "sc.col_images": {"en": "test images", "zh": "测试图像数"},
    "sc.col_confidence": {"en": "mean confidence", "zh": "平均置信度"},
    "sc.col_bin_accuracy": {"en": "accuracy", "zh": "精度"},
    # ---- your picture
    "sc.s_upload": {"en": "Try your own picture", "zh": "试试你自己的图片"},
    "sc.upload_intro": {
        "en": "Upload a photo or drawing of a garment (PNG, JPEG, GIF, WebP or BMP). It is "
              "prepared the way the data set was made: grayscale, inverted when the background "
              "is light (Fashion-MNIST's garments are light on black), trimmed, fitted into "
              "28 × 28 keeping its proportions, and scaled to $[0, 1]$. The picture stays in "
              "this session only.",
        "zh": "上传一张衣物的照片或图画（PNG、JPEG、GIF、WebP 或 BMP）。它会按数据集的制作方式处理："
              "转为灰度，背景较亮时取反（Fashion-MNIST 的衣物是黑底上的亮色），裁去空白，保持比例缩放到 "
              "28 × 28 以内，再缩放到 $[0, 1]$。图片只保留在本次会话中。下面上传框里的英文是 "
              "Streamlit 自带的：“Drag and drop file here”即把文件拖进框里，“Browse files”即点击后"
              "从电脑中选择文件。",
    },
    "sc.upload": {"en": "Your picture", "zh": "你的图片：把图片拖进下面的框，或点“Browse files”选择文件"},
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
    "sc.alt_upload": {"en": "Your picture as the model sees it: 28 × 28 grey pixels",
                      "zh": "模型眼中的你的图片：28 × 28 的灰度像素"},
    "sc.prepared": {"en": "What the model sees (from {w} × {h} pixels)",
                    "zh": "模型看到的图像（原图 {w} × {h} 像素）"},
    "sc.inverted": {"en": "The background was light, so the picture was inverted.",
                    "zh": "背景较亮，因此图像已取反。"},
    "sc.your_prediction": {"en": "The model says: **{name}** ({p}).",
                           "zh": "模型认为：**{name}**（{p}）。"},
    # ---- keep the result
    "sc.s_keep": {"en": "Keep the result", "zh": "保存结果"},
    "sc.keep_intro": {
        "en": "The trained model belongs to your session only. Download its weights "
              "(`state_dict`, saved with `torch.save`) and the metrics of every epoch.",
        "zh": "训练好的模型只属于你的会话。可以下载它的权重（用 `torch.save` 保存的 `state_dict`）"
              "以及每个迭代周期的指标。",
    },
    "sc.download_weights": {"en": "Weights (state_dict, .pt)", "zh": "权重（state_dict，.pt）"},
    "sc.download_metrics": {"en": "Metrics per epoch (CSV)", "zh": "每个迭代周期的指标（CSV）"},
    "sc.load_code": {
        "en": "import torch\nstate = torch.load('{file}')  # tensors only: weights_only=True\n"
              "print({{k: v.shape for k, v in state.items()}})",
        "zh": "import torch\nstate = torch.load('{file}')  # 只含张量：weights_only=True\n"
              "print({{k: v.shape for k, v in state.items()}})",
    },
    # ---- exercises (d2l 3.5 and 3.7; 3.6's are on the softmax-overflow page), in the page's order
    "sc.source": {
        "en": "Source: d2l §{section}, exercise {number} (numbering of 《动手学深度学习》, 2nd ed.)",
        "zh": "出处：《动手学深度学习》（第二版）{section} 节练习 {number}",
    },
    "sc.ex5.q": {
        "en": "Does reducing `batch_size` (for instance, to 1) affect the reading performance?",
        "zh": "减少 `batch_size`（如减少到 1）是否会影响读取性能？",
    },
    "sc.ex5.a": {
        "en": "Yes, badly. Each batch costs a fixed overhead (a call into the DataLoader, "
              "collating, a Python round trip, and in training a forward, backward and update "
              "each with their kernel launches), so with batch size 1 the 60,000 images pay it "
              "60,000 times instead of 235. Even at batch size 256 the book's epoch spends much of "
              "its time in the DataLoader: run it above and compare that row with the rest. "
              "Here, try batch size 16 against 2048 in training and compare the seconds per "
              "epoch.",
        "zh": "会，而且影响很大。每个批量都有固定开销（调用一次 DataLoader、拼批、一次 Python 往返，"
              "训练时还有前向、反向和更新各自的内核启动），批量大小为 1 时 60,000 张图像要付 60,000 次，"
              "而不是 235 次。即使批量大小为 256，书中的一个迭代周期也有很多时间花在 DataLoader 上："
              "在上面运行一下，把这一行和其余各行比一比。在本页训练时试试批量大小 16 和 2048，比较每个迭代周期的秒数。",
    },
    "sc.ex6.q": {
        "en": "The performance of the data iterator is important. Is the current implementation "
              "fast enough? Explore various options to improve it.",
        "zh": "数据迭代器的性能非常重要。当前的实现足够快吗？探索各种选项来改进它。",
    },
    "sc.ex6.a": {
        "en": "Not for a data set this small. The options, roughly by effect: keep the decoded "
              "data in memory as a tensor instead of decoding PIL images every epoch (this "
              "page's pipeline: compare the two above); batch by slicing a shuffled index "
              "instead of collating single items; convert to float per batch on the device (or "
              "once, if memory allows); keep everything on the GPU when there is one; read "
              "metrics once per epoch. Worker processes (`num_workers`) and `pin_memory` help a "
              "pipeline that must decode per item, at the cost of processes and memory.",
        "zh": "对这么小的数据集来说不够快。可选的改进，大致按效果排序：把解码后的数据作为张量放在内存里，"
              "而不是每个迭代周期都重新解码 PIL 图像（这正是本页的流水线：在上面对比两者）；用打乱后索引的"
              "切片来分批，而不是逐个样本拼批；在设备上逐批转换为 float（内存允许时也可以一次转完）；"
              "有 GPU 时把一切都放在 GPU 上；每个迭代周期只读一次指标。工作进程（`num_workers`）和 "
              "`pin_memory` 能帮助必须逐个样本解码的流水线，代价是更多的进程和内存。",
    },
    "sc.ex8.q": {
        "en": "Try adjusting the hyperparameters, such as the batch size, the number of epochs "
              "and the learning rate, to see what the results are.",
        "zh": "尝试调整超参数，例如批量大小、迭代周期数和学习率，并查看结果。",
    },
    "sc.ex8.a": {
        "en": "Use the controls under *Train it*: a larger learning rate learns faster until the "
              "naive softmax overflows (from scratch, lr ≥ 1 or so); a smaller batch makes more "
              "updates per epoch but costs more time per epoch; more epochs raise the training "
              "accuracy while the test accuracy levels off. Compare settings on a validation "
              "set held out from the training data, not on the test set.",
        "zh": "用“训练”一节的控件试一试：学习率越大学得越快，直到朴素的 softmax 上溢（从零实现时大约 "
              "lr ≥ 1）；批量越小，每个迭代周期更新的次数越多，但每个迭代周期也更慢；迭代周期越多，"
              "训练精度越高，而测试精度趋于平稳。比较不同设置要用从训练数据中留出的验证集，而不是测试集。",
    },
    "sc.ex4.q": {
        "en": "Train for more epochs (say 30). Why might the test accuracy stop improving or even "
              "drop after a while, and what could you do?",
        "zh": "训练更多迭代周期（比如 30 个）。为什么测试精度过一段时间后可能不再提高甚至下降？可以怎么办？",
    },
    "sc.ex4.a": {
        "en": "Two different effects. (1) **The noise of minibatch SGD at a fixed learning "
              "rate**: every step follows one minibatch's gradient, so with a constant "
              "$\\eta$ the weights never settle at the minimum but keep jittering around it, "
              "and the test accuracy wobbles from epoch to epoch while the training loss still "
              "falls smoothly. Remedy: lower the learning rate as training goes on (a decaying "
              "schedule) or use larger minibatches; early stopping does not help here. "
              "(2) **Overfitting**: the model fits the training set ever better while what it "
              "learns generalises less, so the gap between train and test accuracy widens "
              "epoch after epoch. Remedy: stop early when a validation score stops improving, "
              "or add weight decay (or more data). {run}",
        "zh": "这是两种不同的效应。(1) **固定学习率下小批量随机梯度下降的噪声**：每一步都沿着一个"
              "小批量的梯度走，所以学习率 $\\eta$ 不变时，权重永远停不到最小值上，而是在它附近来回"
              "抖动；测试精度于是在迭代周期之间上下波动，而训练损失仍在平稳下降。补救：随着训练降低"
              "学习率（学习率衰减），或用更大的小批量；提前停止对此没有帮助。(2) **过拟合**：模型"
              "对训练集拟合得越来越好，学到的东西却泛化得越来越差，训练精度与测试精度之间的差距一个"
              "迭代周期接一个迭代周期地变大。补救：在验证集分数不再提高时提前停止，或加入权重衰减"
              "（或更多数据）。{run}",
    },
    "sc.ex4.none": {
        "en": "Train a model above and this answer reads both effects off your own run.",
        "zh": "在上面训练一个模型，这个答案就会从你自己的训练中读出这两种效应。",
    },
    "sc.ex4.run": {
        "en": "**Your run ({epochs} epochs):** the test accuracy fell {dips}; the training "
              "loss {loss}; from epoch 2 on, train − test accuracy stayed between {low} and "
              "{high} (epoch 1's training figures average a model that was still changing "
              "fast); the best test accuracy came at epoch {best}. {verdict}",
        "zh": "**你的这次训练（{epochs} 个迭代周期）：**测试精度下降{dips}；训练损失{loss}；"
              "从第 2 个迭代周期起，训练精度减测试精度保持在 {low} 与 {high} 之间（第 1 个迭代周期的"
              "训练指标是对一个仍在快速变化的模型求的平均）；最好的测试精度出现在第 {best} 个迭代周期。"
              "{verdict}",
    },
    "sc.ex4.dip": {"en": "{before} → {after} at epoch {epoch}",
                   "zh": "第 {epoch} 个迭代周期 {before} → {after}"},
    "sc.ex4.no_dips": {"en": "at no epoch", "zh": "的情况没有出现"},
    "sc.ex4.loss_falls": {"en": "fell at every epoch", "zh": "每个迭代周期都在下降"},
    "sc.ex4.loss_rises": {"en": "rose at {count:epoch|epochs} {epochs}", "zh": "在第 {epochs} 个迭代周期上升"},
    "sc.ex4.noise": {
        "en": "Dips that do not last: the best test accuracy came less than three epochs "
              "before the end. That is the noise of SGD at a fixed learning rate, not "
              "overfitting, which would be a lasting decline.",
        "zh": "这些下降没有持续：最好的测试精度就在最后不到三个迭代周期之前。这是固定学习率下"
              "随机梯度下降的噪声，不是过拟合（过拟合会是持续的下降）。",
    },
    "sc.ex4.overfitting": {
        "en": "The test accuracy has stayed below its best for three epochs or more while "
              "training went on: a lasting decline, overfitting (or noise that a lower "
              "learning rate would calm: the gap tells them apart).",
        "zh": "训练继续进行，测试精度却已连续三个或更多迭代周期低于它的最好值：这是持续的下降，"
              "即过拟合（也可能是降低学习率就能平息的噪声：看训练与测试精度之差）。",
    },
    "sc.ex4.steady": {
        "en": "No dip in this run: try more epochs or a larger learning rate.",
        "zh": "这次训练没有出现下降：试试更多迭代周期或更大的学习率。",
    },
}
