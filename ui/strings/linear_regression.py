"""Strings of the linear-regression page (prefix "lr.")."""

STRINGS: dict[str, dict[str, str]] = {
    # ---- the page's head
    "lr.title": {"en": "Linear regression, trained live", "zh": "线性回归：现场训练"},
    "lr.key_idea.approach": {
        "en": "Minibatch SGD takes small steps downhill on the squared loss. Below a learning-rate "
              "limit set by the data (and the batch size), it approaches the w and b of the "
              "analytic solution; above it, every step overshoots and "
              "the loss explodes.",
        "zh": "小批量随机梯度下降沿着平方损失的下坡方向一小步一小步地走。学习率低于由数据（和批量大小）"
              "决定的上限时，它逐渐逼近解析解的 w 和 b；超过这个上限，"
              "每一步都会冲过头，损失随之爆炸。",
    },
    "lr.intro": {
        "en": "This page follows d2l sections 3.2 and 3.3: generate data from a known linear "
              "model, then recover its parameters with minibatch stochastic gradient descent, once "
              "from scratch and once with PyTorch's `nn` building blocks. Press **Train** and watch "
              "the loss fall and the parameters walk across the loss landscape.",
        "zh": "本页对应《动手学深度学习》3.2 节和 3.3 节：先用已知的线性模型生成数据，再用小批量随机梯度下降"
              "把它的参数找回来——一次从零开始实现，一次用 PyTorch 的 `nn` 模块简洁实现。按下"
              "**训练**，看损失如何下降、参数如何在损失曲面上移动。",
    },
    # ---- the data
    "lr.s_data": {"en": "The data", "zh": "数据"},
    "lr.data_text": {
        "en": r"d2l's synthetic data set: $n$ examples with two features "
              r"$\mathbf{x} \sim \mathcal{N}(0, \mathbf{I})$ and labels "
              r"$y = \mathbf{x}^\top\mathbf{w} + b + \epsilon$, "
              r"$\epsilon \sim \mathcal{N}(0, \sigma^2)$. The book uses "
              r"$\mathbf{w} = [2, -3.4]^\top$, $b = 4.2$, $\sigma = 0.01$ and 1,000 examples.",
        "zh": r"书中的人造数据集：$n$ 个样本，每个样本有两个特征 "
              r"$\mathbf{x} \sim \mathcal{N}(0, \mathbf{I})$，标签为 "
              r"$y = \mathbf{x}^\top\mathbf{w} + b + \epsilon$，其中 "
              r"$\epsilon \sim \mathcal{N}(0, \sigma^2)$。书中取 "
              r"$\mathbf{w} = [2, -3.4]^\top$、$b = 4.2$、$\sigma = 0.01$，共 1000 个样本。",
    },
    "lr.n": {"en": "Number of examples n", "zh": "样本数 n"},
    "lr.noise": {"en": "Noise σ", "zh": "噪声 σ"},
    "lr.w1": {"en": "True w₁", "zh": "真实 w₁"},
    "lr.w2": {"en": "True w₂", "zh": "真实 w₂"},
    "lr.b": {"en": "True b", "zh": "真实 b"},
    "lr.scatter_x": {"en": "second feature x₂", "zh": "第二个特征 x₂"},
    "lr.scatter_y": {"en": "label y", "zh": "标签 y"},
    "lr.data_caption": {
        "en": "The label against the second feature, as in the book: a linear trend with slope "
              "w₂, spread by the first feature and the noise (at most 2,000 points are drawn).",
        "zh": "与书中一样，标签对第二个特征作图：一条斜率为 w₂ 的线性趋势，第一个特征和噪声让点散开"
              "（最多画 2000 个点）。",
    },
    # ---- the analytic solution (and the parameter table, also the training panel's)
    "lr.s_analytic": {"en": "The analytic solution", "zh": "解析解"},
    "lr.analytic_text.approach": {
        "en": r"Linear regression is one of the few models whose best parameters have a formula. "
              r"Fold the bias into the weights by appending a column of ones to $\mathbf{X}$ and "
              r"minimise $L(\mathbf{w}) = \|\mathbf{y} - \mathbf{X}\mathbf{w}\|^2$. Its gradient is "
              r"$\nabla_\mathbf{w} L = 2\mathbf{X}^\top(\mathbf{X}\mathbf{w} - \mathbf{y})$; "
              r"setting it to zero gives the normal equations "
              r"$\mathbf{X}^\top\mathbf{X}\,\mathbf{w} = \mathbf{X}^\top\mathbf{y}$, and, when "
              r"$\mathbf{X}^\top\mathbf{X}$ is invertible, the analytic solution "
              r"$\mathbf{w}^* = (\mathbf{X}^\top\mathbf{X})^{-1}\mathbf{X}^\top\mathbf{y}$. "
              r"The loss is convex, so this one stationary point is the minimum. It differs from "
              r"the true parameters only because of the noise. SGD (the training section) approaches these "
              r"numbers step by step; it does not land on them exactly."
              "\n\n"
              r"As the book warns, such a formula is a rare luxury: the losses of deep networks "
              r"have no analytic solution, and gradient descent is how they are trained.",
        "zh": r"线性回归是少数几个最优参数有公式可求的模型之一。给 $\mathbf{X}$ 添上一列 1，把偏置并入"
              r"权重，最小化 $L(\mathbf{w}) = \|\mathbf{y} - \mathbf{X}\mathbf{w}\|^2$。它的梯度是 "
              r"$\nabla_\mathbf{w} L = 2\mathbf{X}^\top(\mathbf{X}\mathbf{w} - \mathbf{y})$；"
              r"令梯度为零，得到正规方程 $\mathbf{X}^\top\mathbf{X}\,\mathbf{w} = \mathbf{X}^\top\mathbf{y}$，"
              r"当 $\mathbf{X}^\top\mathbf{X}$ 可逆时，解析解为 "
              r"$\mathbf{w}^* = (\mathbf{X}^\top\mathbf{X})^{-1}\mathbf{X}^\top\mathbf{y}$。"
              r"损失是凸的，所以这个唯一的驻点就是最小值。它与真实参数的差别只来自噪声。小批量随机梯度下降"
              r"（训练一节）一步步逼近这些数，但不会恰好落在上面。"
              "\n\n"
              r"正如书中所说，解析解是一种难得的奢侈：深度网络的损失没有解析解，只能用梯度下降来训练。",
    },
    "lr.singular": {
        "en": "XᵀX cannot be inverted for this data, so the least-squares solution is not unique. "
              "Use more examples.",
        "zh": "对这组数据 XᵀX 不可逆，最小二乘解不唯一。请增加样本数。",
    },
    "lr.col.true": {"en": "true", "zh": "真实值"},
    "lr.col.analytic": {"en": "analytic", "zh": "解析解"},
    "lr.col.sgd": {"en": "SGD", "zh": "SGD"},
    "lr.col.gap": {"en": "SGD − analytic", "zh": "SGD − 解析解"},
    "lr.col.error": {"en": "error (true − estimate)", "zh": "误差（真实值 − 估计值）"},
    # ---- linear regression as a neural network (d2l 3.1.4)
    "lr.s_network": {"en": "Linear regression as a neural network",
                     "zh": "从线性回归到神经网络"},
    "lr.network_text": {
        "en": r"The chapter is called *linear neural networks* for a reason: linear regression "
              r"is a neural network with a single neuron. Each input $x_1, \ldots, x_d$ is "
              r"connected to the one output $o_1 = w_1 x_1 + \cdots + w_d x_d + b$. The inputs "
              r"are given, not computed, so the input layer is not counted: this is a "
              r"**single-layer** network, and because every input is connected to every output "
              r"its one layer is a **fully-connected** (dense) layer, `nn.Linear(d, 1)`.",
        "zh": r"这一章叫“线性神经网络”是有原因的：线性回归就是只有一个神经元的神经网络。每个输入 "
              r"$x_1, \ldots, x_d$ 都连到唯一的输出 $o_1 = w_1 x_1 + \cdots + w_d x_d + b$。"
              r"输入是给定的，不需要计算，所以输入层不计入层数：这是一个**单层**网络；"
              r"由于每个输入都与每个输出相连，这一层是**全连接层**（稠密层），即 `nn.Linear(d, 1)`。",
    },
    "lr.net.input": {"en": "input layer (not counted)", "zh": "输入层（不计入层数）"},
    "lr.net.output": {"en": "output layer: one neuron", "zh": "输出层：一个神经元"},
    "lr.net.caption": {
        "en": "Linear regression with d = 2 inputs, as on this page: two weights on the edges; "
              "the bias b belongs to the neuron.",
        "zh": "本页的线性回归，d = 2 个输入：两条边上的权重；偏置 b 属于这个神经元。",
    },
    # ---- vectorisation for speed (d2l 3.1.2)
    "lr.s_vector": {"en": "Vectorisation for speed", "zh": "矢量化加速"},
    "lr.vector_text": {
        "en": r"Training processes whole minibatches at once, so the book times two ways of "
              r"adding two vectors of $n = 10{,}000$ ones: a Python for-loop that adds one "
              r"element at a time, `c[i] = a[i] + b[i]`, and one vectorised call, `d = a + b`. "
              r"Press the button to time both on this server's device.",
        "zh": r"训练时一次处理整个小批量，因此书中比较了两种把两个 $n = 10{,}000$ 维全 1 向量相加的方法："
              r"用 Python 的 for 循环逐个元素相加 `c[i] = a[i] + b[i]`，以及一次矢量化调用 `d = a + b`。"
              r"按下按钮，在本服务器的设备上为两者计时。",
    },
    "lr.vector_run": {"en": "Time both", "zh": "计时"},
    "lr.vector_result": {
        "en": "On {device}: the for-loop took {loop} ms, the vectorised add {vector} ms: the loop "
              "is {ratio}× slower (n = {n}).",
        "zh": "在 {device} 上：for 循环用时 {loop} 毫秒，矢量化加法用时 {vector} 毫秒，循环慢了 {ratio} 倍"
              "（n = {n}）。",
    },
    "lr.vector_note": {
        "en": "Each timing is one measurement on a shared server: press again and the ratio "
              "changes.",
        "zh": "每次计时只测一次，而且服务器是共享的：再按一次，比值就会变。",
    },
    # ---- two implementations
    "lr.s_impl": {"en": "Two implementations", "zh": "两种实现"},
    "lr.impl_text": {
        "en": r"**From scratch** (d2l 3.2): the parameters are plain tensors, "
              r"$\mathbf{w} \sim \mathcal{N}(0, 0.01^2)$ and $b = 0$, with `requires_grad=True`; "
              r"`linreg` computes $\hat{y} = \mathbf{X}\mathbf{w} + b$, `squared_loss` gives "
              r"$(\hat{y} - y)^2/2$ for each example, `data_iter` shuffles the examples and slices "
              r"them into minibatches, and `sgd` moves every parameter against the gradient of the "
              r"summed loss divided by the batch size."
              "\n\n"
              r"**Concise** (d2l 3.3): `TensorDataset` and `DataLoader` shuffle and batch, "
              r"`nn.Sequential(nn.Linear(2, 1))` holds $\mathbf{w}$ and $b$ (initialised the same "
              r"way), `nn.MSELoss()` is the loss and `torch.optim.SGD` the update."
              "\n\n"
              r"For a given seed both start from the same weights. The code that runs is shown "
              r"beside the training charts (the section on minibatch SGD).",
        "zh": r"**从零开始实现**（3.2 节）：参数就是普通张量，$\mathbf{w} \sim \mathcal{N}(0, 0.01^2)$、"
              r"$b = 0$，并设置 `requires_grad=True`；`linreg` 计算 $\hat{y} = \mathbf{X}\mathbf{w} + b$，"
              r"`squared_loss` 对每个样本给出 $(\hat{y} - y)^2/2$，`data_iter` 打乱样本并切成小批量，"
              r"`sgd` 用“求和损失的梯度除以批量大小”来更新每个参数。"
              "\n\n"
              r"**简洁实现**（3.3 节）：`TensorDataset` 和 `DataLoader` 负责打乱和分批，"
              r"`nn.Sequential(nn.Linear(2, 1))` 保存 $\mathbf{w}$ 和 $b$（按同样方式初始化），"
              r"`nn.MSELoss()` 是损失函数，`torch.optim.SGD` 负责更新。"
              "\n\n"
              r"同一个随机种子下，两者从相同的权重出发。实际运行的代码显示在训练图表旁边（“用小批量随机梯度下降训练”一节）。",
    },
    "lr.note": {
        "en": r"**Why the concise loss needs no `.sum()` and no division by the batch size.** "
              r"`nn.MSELoss()` already averages over the minibatch (its default is "
              r"`reduction='mean'`), so `l` is one number and `l.backward()` gives the mean of the "
              r"per-example gradients: what the scratch code gets from `l.sum().backward()` "
              r"followed by the division by `batch_size` in `sgd`. **But it has no ½:** "
              r"`nn.MSELoss` is $\frac{1}{B}\sum_i (\hat{y}_i - y_i)^2$, while the scratch loss "
              r"averages $(\hat{y}_i - y_i)^2/2$. For the same $\mathbf{w}$ and $b$ the concise loss "
              r"is exactly twice the scratch loss, and so is its gradient: at the same learning "
              r"rate the concise model takes steps twice as long. That is why it converges faster "
              r"in three epochs, and why it diverges at half the learning rate.",
        "zh": r"**为什么简洁实现的损失不需要 `.sum()`，也不需要除以批量大小？** "
              r"`nn.MSELoss()` 已经对小批量取了平均（默认 `reduction='mean'`），所以 `l` 是一个数，"
              r"`l.backward()` 得到的就是各样本梯度的平均值——这正是从零实现中 `l.sum().backward()` "
              r"再在 `sgd` 里除以 `batch_size` 得到的结果。**但它没有 ½：** `nn.MSELoss` 是 "
              r"$\frac{1}{B}\sum_i (\hat{y}_i - y_i)^2$，而从零实现的损失是 $(\hat{y}_i - y_i)^2/2$ "
              r"的平均。对同样的 $\mathbf{w}$ 和 $b$，简洁实现的损失恰好是从零实现的两倍，梯度也是两倍："
              r"在相同学习率下，简洁实现每一步走得长一倍。这就是它在三个迭代周期内收敛得更快、"
              r"并且在一半的学习率处就发散的原因。",
    },
    # ---- the minibatch SGD update (d2l 3.1.1)
    "lr.s_update": {"en": "The minibatch SGD update", "zh": "小批量随机梯度下降的更新"},
    "lr.update_text": {
        "en": r"Each step draws a minibatch $\mathcal{B}$ of $|\mathcal{B}|$ examples and moves "
              r"the parameters against the average gradient of their losses, scaled by the "
              r"learning rate $\eta$. For the squared loss "
              r"$l^{(i)} = \frac{1}{2}(\mathbf{w}^\top\mathbf{x}^{(i)} + b - y^{(i)})^2$:",
        "zh": r"每一步抽取一个由 $|\mathcal{B}|$ 个样本组成的小批量 $\mathcal{B}$，让参数沿这些样本损失的"
              r"平均梯度的反方向移动，步长由学习率 $\eta$ 决定。对平方损失 "
              r"$l^{(i)} = \frac{1}{2}(\mathbf{w}^\top\mathbf{x}^{(i)} + b - y^{(i)})^2$：",
    },
    "lr.update_code": {
        "en": r"In the code, `lr` is $\eta$ and `batch_size` is $|\mathcal{B}|$: "
              r"`l.sum().backward()` computes the two sums (autograd writes them into `w.grad` "
              r"and `b.grad`), and `sgd` divides by the batch size, multiplies by the learning "
              r"rate and steps.",
        "zh": r"代码中 `lr` 就是 $\eta$，`batch_size` 就是 $|\mathcal{B}|$：`l.sum().backward()` "
              r"算出两个求和（自动微分把它们写进 `w.grad` 和 `b.grad`），`sgd` 再除以批量大小、"
              r"乘以学习率并更新参数。",
    },
    # ---- training: the controls, the edge of stability, Train
    "lr.s_train": {"en": "Training with minibatch SGD", "zh": "用小批量随机梯度下降训练"},
    "lr.train_text": {
        "en": r"Pick an implementation and the hyperparameters, then press **Train**. The loss "
              r"curve is redrawn while training runs (thin line: the loss of each minibatch; dots: "
              r"the loss on all the data after each epoch), and the path of $(w_1, w_2)$ is drawn "
              r"over the loss landscape. Try a large learning rate to see divergence, a batch size "
              r"of 1 to see noise, and the full batch for a smooth path.",
        "zh": r"选择一种实现和超参数，然后按**训练**。训练过程中损失曲线会不断重画（细线：每个小批量的"
              r"损失；圆点：每个迭代周期结束后在全部数据上的损失），$(w_1, w_2)$ 的路径画在损失曲面上。"
              r"试试大学习率看发散，批量大小为 1 看噪声，全批量看平滑的路径。",
    },
    "lr.impl": {"en": "Implementation", "zh": "实现方式"},
    "lr.impl.scratch": {"en": "From scratch", "zh": "从零开始实现"},
    "lr.impl.concise": {"en": "Concise (nn.Linear)", "zh": "简洁实现（nn.Linear）"},
    "lr.lr": {"en": "Learning rate lr", "zh": "学习率 lr"},
    "lr.batch": {"en": "Batch size", "zh": "批量大小"},
    "lr.epochs": {"en": "Epochs", "zh": "迭代周期数"},
    "lr.full_batch": {
        "en": "All {n} examples in one batch: plain gradient descent.",
        "zh": "全部 {n} 个样本组成一个批量：即普通的梯度下降。",
    },
    "lr.edge": {
        "en": "**Measured for your settings** ({impl}, batch size {batch}): the estimate says "
              "{estimate}; the true edge lies between {stable} and {unstable}. Short SGD runs "
              "({steps} steps each, this seed's shuffles) were bisected over the learning "
              "rate: below the edge the loss ends lower than it started, above it higher. "
              "{runs} runs, {seconds} s.",
        "zh": "**按你的设置实测**（{impl}，批量大小 {batch}）：估计值为 {estimate}；真正的边界在 {stable} "
              "与 {unstable} 之间。做法是对学习率二分，每次用当前种子跑一次只有 {steps} 步的"
              "小批量随机梯度下降：边界以下损失最终低于起点，边界以上则高于起点。共 {runs} 次，用时 "
              "{seconds} 秒。",
    },
    "lr.edge_none": {
        "en": "**Measured for your settings** ({impl}, batch size {batch}): even the smallest "
              "learning rate tried made the loss grow, so no edge was found.",
        "zh": "**按你的设置实测**（{impl}，批量大小 {batch}）：连试过的最小学习率都让损失增大，"
              "没有找到边界。",
    },
    "lr.too_many": {
        "en": "This run would take {steps} steps, more than {limit}. Increase the batch size or "
              "reduce the epochs.",
        "zh": "这次训练需要 {steps} 步，超过了 {limit} 步。请增大批量大小或减少迭代周期数。",
    },
    "lr.train": {"en": "Train", "zh": "训练"},
    "lr.stop": {"en": "Stop", "zh": "停止"},
    "lr.progress": {
        "en": "Epoch {epoch} of {epochs} · step {step} of {total}",
        "zh": "第 {epoch}/{epochs} 个迭代周期 · 第 {step}/{total} 步",
    },
    "lr.press_train": {"en": "Press Train to run these settings.",
                       "zh": "点击“训练”，用这些设置开始训练。"},
    # ---- training: the run's curve, landscape and printed lines
    "lr.series.step": {"en": "minibatch loss", "zh": "小批量损失"},
    "lr.series.epoch": {"en": "loss on all data", "zh": "全部数据上的损失"},
    "lr.step_axis": {"en": "step (minibatch)", "zh": "步数（小批量）"},
    "lr.loss_axis.scratch": {"en": "loss: mean of (ŷ − y)²/2", "zh": "损失：(ŷ − y)²/2 的平均"},
    "lr.loss_axis.concise": {"en": "loss: nn.MSELoss, mean of (ŷ − y)²",
                             "zh": "损失：nn.MSELoss，(ŷ − y)² 的平均"},
    "lr.colour": {"en": "loss (log scale)", "zh": "损失（对数刻度）"},
    "lr.start": {"en": "start", "zh": "起点"},
    "lr.end": {"en": "now", "zh": "当前"},
    "lr.optimum": {"en": "analytic solution", "zh": "解析解"},
    "lr.landscape_caption": {
        "en": "The landscape: the loss on all the data over (w₁, w₂), with b at its best value for "
              "each point, so that it fits in two dimensions; the cross is the analytic solution. "
              "The path's own b is still learning, so early points do not lie exactly on these "
              "contours. A path that leaves the window is cut off.",
        "zh": "损失曲面：全部数据上的损失随 (w₁, w₂) 的变化，每一点的 b 都取最优值，这样才能画在二维平面上；"
              "十字是解析解。路径上的 b 还在学习中，所以开始阶段的点并不正好落在这些等高线上。"
              "离开画面的路径会被截掉。",
    },
    "lr.out.epoch_line": {"en": "epoch {epoch}, loss {loss}", "zh": "迭代周期 {epoch}，损失 {loss}"},
    "lr.out.stopped": {"en": "step {step}, loss {loss}: stopped", "zh": "第 {step} 步，损失 {loss}：已停止"},
    "lr.out.err_w": {"en": "error in estimating w: {err}", "zh": "w的估计误差: {err}"},
    "lr.out.err_b": {"en": "error in estimating b: {err}", "zh": "b的估计误差: {err}"},
    # ---- training: the finished run
    "lr.done": {
        "en": "Finished in {seconds} s on {device}, drawing included.",
        "zh": "在 {device} 上用时 {seconds} 秒（含绘图）。",
    },
    "lr.gap": {
        "en": "After {epochs} {epochs:epoch|epochs} SGD is within {gap} of the analytic solution (the largest "
              "difference over w₁, w₂ and b; 1e-3 means 10⁻³, a thousandth). It approaches the solution, it does not reach it: "
              "each minibatch gradient is noisy and training stops after a finite number of steps.",
        "zh": "{epochs} 个迭代周期后，随机梯度下降与解析解相差不超过 {gap}（w₁、w₂、b 三者中最大的差；1e-3 表示 10⁻³，即千分之一）。"
              "它逼近解析解，却不会恰好到达：每个小批量的梯度都带有噪声，训练也只走了有限步。",
    },
    "lr.diverged": {
        "en": "Training stopped at step {step} (epoch {epoch}): the loss became infinite or not a "
              "number. The learning rate {lr} is too large for this data: each step overshoots "
              "the minimum by more than it gains, so the error grows geometrically until it "
              "overflows. With this data and batch size, SGD is stable only for lr below about "
              "{bound}; try lr = {suggestion}.",
        "zh": "训练在第 {step} 步（第 {epoch} 个迭代周期）停止：损失变成了无穷大或非数（nan）。"
              "学习率 {lr} 对这组数据太大：每一步越过最小值的距离比它前进的还多，误差按几何级数增长，"
              "直到溢出。对这组数据和这个批量大小，只有 lr 小于约 {bound} 时随机梯度下降才稳定；"
              "试试 lr = {suggestion}。",
    },
    "lr.growing": {
        "en": "The loss ended higher than it started: the learning rate {lr} is too large for this "
              "data and training is diverging (with more epochs it would overflow). With this data "
              "and batch size, SGD is stable only for lr below about {bound}; try lr = "
              "{suggestion}.",
        "zh": "损失最后比开始时还高：学习率 {lr} 对这组数据太大，训练正在发散（迭代周期再多一些就会溢出）。"
              "对这组数据和这个批量大小，只有 lr 小于约 {bound} 时随机梯度下降才稳定；"
              "试试 lr = {suggestion}。",
    },
    # ---- training: replay and one SGD step (issue 16 §2)
    "lr.replay": {"en": "Replay the run: step", "zh": "回放这次训练：第几步"},
    "lr.replay_help": {
        "en": "Drag to see the loss curves and the path of (w₁, w₂) as they were after this many "
              "minibatch steps.",
        "zh": "拖动滑块，查看走完这么多个小批量步之后的损失曲线和 (w₁, w₂) 路径。",
    },
    "lr.replay_at": {
        "en": "Shown: step {step} of {total} (epoch {epoch}) · w = ({w1}, {w2}), b = {b}, "
              "minibatch loss {loss}",
        "zh": "当前显示：第 {step}/{total} 步（第 {epoch} 个迭代周期）· w = ({w1}, {w2})，"
              "b = {b}，小批量损失 {loss}",
    },
    "lr.replay_start": {
        "en": "Shown: the starting point, before any update (step 0 of {total}) · "
              "w = ({w1}, {w2}), b = {b}, loss on all the data {loss}",
        "zh": "当前显示：起点，尚未更新（第 0/{total} 步）· w = ({w1}, {w2})，b = {b}，"
              "全部数据上的损失 {loss}",
    },
    "lr.replay_epoch": {
        "en": "Shown: step {step} of {total}, the end of epoch {epoch} · w = ({w1}, {w2}), "
              "b = {b}, loss on all the data {loss}",
        "zh": "当前显示：第 {step}/{total} 步，第 {epoch} 个迭代周期结束 · w = ({w1}, {w2})，"
              "b = {b}，全部数据上的损失 {loss}",
    },
    "lr.play": {"en": "Play", "zh": "播放"},
    "lr.play_help": {
        "en": "Plays the run from the slider's step (from the start when it is at the end). "
              "Touch the slider to stop the player at the step you choose.",
        "zh": "从滑块所在的步开始播放（滑块在末尾时从头开始）。动一下滑块，播放就停在你选的那一步。",
    },
    "lr.speed": {"en": "Speed (steps per second)", "zh": "速度（每秒步数）"},
    "lr.sgd_step": {"en": "One SGD step from here", "zh": "从这里走一步小批量随机梯度下降"},
    "lr.sgd_step_intro": {
        "en": "A minibatch $\\mathcal{{B}}$ of {size} {size:example|examples} drawn at random from the data "
              "(showing {shown} of its rows), the prediction $\\hat y = \\mathbf{{w}}^\\top "
              "\\mathbf{{x}} + b$ with the parameters at step {step}, and the loss "
              "$l = {scale}(\\hat y - y)^2$ of each row:",
        "zh": "从数据中随机抽取的小批量 $\\mathcal{{B}}$ 含 {size} 个样本（显示其中 {shown} 行），"
              "用第 {step} 步时的参数算出预测 $\\hat y = \\mathbf{{w}}^\\top \\mathbf{{x}} + b$，"
              "以及每一行的损失 $l = {scale}(\\hat y - y)^2$：",
    },
    "lr.col.index": {"en": "example i", "zh": "样本 i"},
    "lr.col.loss": {"en": "loss l", "zh": "损失 l"},
    "lr.sgd_step_grad": {
        "en": "The gradient summed over the minibatch, then the update with learning rate "
              "$\\eta = {lr}$ (minibatch loss before the step: {loss}):",
        "zh": "在小批量上求和的梯度，以及学习率 $\\eta = {lr}$ 下的更新（更新前的小批量损失：{loss}）：",
    },
    # ---- training: after the panel
    "lr.hyper_text": {
        "en": r"**Parameters and hyperparameters.** $\mathbf{w}$ and $b$ are *parameters*: "
              r"training learns them. The batch size $|\mathcal{B}|$, the learning rate $\eta$ "
              r"and the number of epochs are *hyperparameters*: you set them before training, "
              r"and training never changes them. They are tuned by trying values and keeping "
              r"the best, judged on a *validation set*, data kept out of training: the training "
              r"loss itself would favour whatever fits the training data best, not what "
              r"generalises (the test set stays untouched until the end).",
        "zh": r"**参数与超参数。** $\mathbf{w}$ 和 $b$ 是*参数*：由训练学得。批量大小 $|\mathcal{B}|$、"
              r"学习率 $\eta$ 和迭代周期数是*超参数*：在训练之前由你设定，训练不会改变它们。"
              r"调参就是试一些取值、留下最好的，而“好坏”要在*验证集*上评判——验证集是不参与训练的数据："
              r"训练损失本身只会偏爱最能拟合训练数据的设置，而不是泛化最好的设置"
              r"（测试集则一直留到最后才用）。",
    },
    # ---- when does SGD diverge?
    "lr.s_diverge": {"en": "When does SGD diverge?", "zh": "随机梯度下降何时发散？"},
    "lr.diverge_text": {
        "en": r"Around its minimum the loss is a bowl whose steepest curvature is "
              r"$\lambda_{\max}$, the largest eigenvalue of its Hessian $\mathbf{H}$. For the "
              r"scratch loss (with the ½), $\mathbf{H} = \mathbf{X}^\top\mathbf{X}/n$ with the bias "
              r"folded in; for `nn.MSELoss` it is twice that. A full-batch step of gradient "
              r"descent multiplies the error along that direction by $1 - \eta\lambda_{\max}$, so "
              r"it converges only when $\eta < 2/\lambda_{\max}$. Small minibatches add noise to "
              r"the curvature each step sees, which lowers the limit further. For this data:",
        "zh": r"在最小值附近，损失是一个碗，最陡的曲率是 $\lambda_{\max}$，即其黑塞矩阵 $\mathbf{H}$ "
              r"的最大特征值。对从零实现的损失（带 ½），$\mathbf{H} = \mathbf{X}^\top\mathbf{X}/n$"
              r"（偏置并入 $\mathbf{X}$）；对 `nn.MSELoss` 则是它的两倍。全批量梯度下降的每一步把该方向上的"
              r"误差乘以 $1 - \eta\lambda_{\max}$，所以只有 $\eta < 2/\lambda_{\max}$ 时才收敛。"
              r"小批量让每一步看到的曲率带有噪声，上限会更低。对这组数据：",
    },
    "lr.full": {"en": "{n} (full batch)", "zh": "{n}（全批量）"},
    "lr.diverge_caption.safe": {
        "en": "The largest stable learning rate as estimated from the data: exact (2/λ_max) only "
              "for the full batch; for minibatches it is a cautious estimate, and the edge "
              "measured for your settings (under the training controls) is usually higher. Near the limit training is slow and jumpy, so the page suggests "
              "about half of the edge when a run diverges.",
        "zh": "由数据估计的最大稳定学习率：只有全批量时才是精确值（2/λ_max）；对小批量它是一个偏保守的"
              "估计，按你的设置实测的边界（见训练控件下方）通常更高。接近上限时训练又慢又抖，所以训练发散时，本页建议取边界的一半左右。",
    },
    # ---- exercises (d2l 3.1-3.3), in the order the page asks them
    "lr.source": {
        "en": "Source: d2l §{section}, exercise {number} (numbering of 《动手学深度学习》, 2nd ed.)",
        "zh": "出处：《动手学深度学习》（第二版）{section} 节练习 {number}",
    },
    "lr.source_adapted": {
        "en": "Adapted from d2l §{section}, exercise {number} (numbering of 《动手学深度学习》, "
              "2nd ed.)",
        "zh": "改编自《动手学深度学习》（第二版）{section} 节练习 {number}",
    },
    "lr.ex6.q": {
        "en": r"Derive the analytic solution of linear regression with the squared loss in "
              r"matrix form (fold $b$ into $\mathbf{w}$ with a column of ones): write the loss "
              r"for all the data, compute its gradient, set it to zero and solve. When might "
              r"this be better than SGD, and when does it fail?",
        "zh": r"用矩阵形式推导平方损失下线性回归的解析解（添一列全为 1 的特征，把 $b$ 并入 "
              r"$\mathbf{w}$）：写出全部数据上的损失，求梯度，令其为零并求解。什么时候它可能比随机梯度"
              r"下降更好？什么时候会失效？",
    },
    "lr.ex6.a": {
        "en": r"$L = \|\mathbf{y} - \mathbf{X}\mathbf{w}\|^2$, "
              r"$\nabla_\mathbf{w} L = 2\mathbf{X}^\top(\mathbf{X}\mathbf{w} - \mathbf{y}) = 0$ "
              r"$\Rightarrow \mathbf{X}^\top\mathbf{X}\mathbf{w} = \mathbf{X}^\top\mathbf{y}$ "
              r"$\Rightarrow \mathbf{w}^* = (\mathbf{X}^\top\mathbf{X})^{-1}\mathbf{X}^\top"
              r"\mathbf{y}$. Better than SGD when there are few features and the data fit in "
              r"memory: one solve of a $(d+1) \times (d+1)$ system, exact, with no learning rate "
              r"to tune (this page's table). It fails when $\mathbf{X}^\top\mathbf{X}$ is "
              r"singular or badly conditioned (fewer examples than features, or collinear "
              r"features), when $d$ is so large that the $O(d^3)$ solve or "
              r"the $d \times d$ matrix is too expensive, when the data do not fit in memory or "
              r"keep arriving, and for any model that is not linear in its parameters, such as "
              r"deep networks.",
        "zh": r"$L = \|\mathbf{y} - \mathbf{X}\mathbf{w}\|^2$，"
              r"$\nabla_\mathbf{w} L = 2\mathbf{X}^\top(\mathbf{X}\mathbf{w} - \mathbf{y}) = 0$ "
              r"$\Rightarrow \mathbf{X}^\top\mathbf{X}\mathbf{w} = \mathbf{X}^\top\mathbf{y}$ "
              r"$\Rightarrow \mathbf{w}^* = (\mathbf{X}^\top\mathbf{X})^{-1}\mathbf{X}^\top"
              r"\mathbf{y}$。特征很少、数据能放进内存时它比随机梯度下降好：只需解一个 "
              r"$(d+1) \times (d+1)$ 的线性方程组，结果精确，也没有学习率要调（见本页的表）。"
              r"它会失效的情形：$\mathbf{X}^\top\mathbf{X}$ 奇异或病态（样本比特征少，或特征共线）；"
              r"$d$ 大到 $O(d^3)$ 的求解或 $d \times d$ 的矩阵代价太高；数据放不进内存或源源不断到来；"
              r"以及任何对参数不是线性的模型，比如深度网络。",
    },
    "lr.ex1.q": {
        "en": "What would happen if we initialised the weights to zero? Would the algorithm "
              "still work?",
        "zh": "如果将权重初始化为零，会发生什么？算法仍然有效吗？",
    },
    "lr.ex1.a": {
        "en": "Yes. The squared loss of linear regression is convex and its gradient at w = 0, "
              "b = 0 is not zero, so the first step already moves towards the one minimum. Zero "
              "initialisation only fails in networks with hidden layers, where identical hidden "
              "units get identical gradients and stay identical (the symmetry problem). Here the "
              "random start is ≈ (0, 0) anyway: look where the path begins on the landscape.",
        "zh": "仍然有效。线性回归的平方损失是凸的，在 w = 0、b = 0 处梯度不为零，第一步就会朝唯一的最小值前进。"
              "零初始化只在有隐藏层的网络中才出问题：相同的隐藏单元得到相同的梯度，永远保持相同（对称性问题）。"
              "其实这里的随机起点本来就约等于 (0, 0)：看看损失曲面上路径的起点。",
    },
    "lr.ex8.q": {
        "en": "Assume that you are trying to come up with a model for resistors relating "
              "voltage and current. Can you use automatic differentiation to learn the "
              "parameters of your model?",
        "zh": "假设试图为电压和电流的关系建立一个模型。自动微分可以用来学习模型的参数吗？",
    },
    "lr.ex8.a": {
        "en": "Yes. Ohm's law $U = RI$ is linear regression with one weight and no bias: "
              "with the squared loss $\\frac1n\\sum_i (U_i - R I_i)^2$, autograd gives "
              "$\\partial \\ell / \\partial R$ and gradient descent learns $R$. On 50 "
              "simulated measurements ($R$ = {true} Ω, noise 0.05 V), {steps} steps from "
              "$R = 1$ learn $R$ = {learnt} Ω; least squares, "
              "$\\hat R = \\sum_i I_i U_i / \\sum_i I_i^2$, gives {closed} Ω.",
        "zh": "可以。欧姆定律 $U = RI$ 就是只有一个权重、没有偏置的线性回归：取平方损失 "
              "$\\frac1n\\sum_i (U_i - R I_i)^2$，自动微分给出 $\\partial \\ell / \\partial R$，"
              "梯度下降就能学到 $R$。在 50 个模拟测量值上（$R$ = {true} Ω，噪声 0.05 V），从 "
              "$R = 1$ 出发 {steps} 步学到 $R$ = {learnt} Ω；最小二乘 "
              "$\\hat R = \\sum_i I_i U_i / \\sum_i I_i^2$ 给出 {closed} Ω。",
    },
    "lr.ex9.q": {
        "en": "Can you use Planck's law to determine the temperature of an object using "
              "spectral energy density?",
        "zh": "能基于普朗克定律使用光谱能量密度来确定物体的温度吗？",
    },
    "lr.ex9.a": {
        "en": "Yes: $B(\\lambda, T) = \\frac{{2hc^2}}{{\\lambda^5}} \\frac{{1}}"
              "{{e^{{hc/(\\lambda k T)}} - 1}}$ is a model with one parameter $T$, differentiable "
              "in it, though not linear. Fit $\\log B$ (the values span many orders of "
              "magnitude) and learn $\\log T$ (so $T$ stays positive). From a spectrum of the "
              "Sun's {true} K, 300 nm to 3 µm with 1 % noise, {steps} Newton steps from 3000 K "
              "(the first and second derivative in $\\log T$ both by autograd) learn "
              "$T$ = {learnt} K. Wien's law from the brightest wavelength, "
              "$T = b / \\lambda_\\max$, gives {closed} K: cruder, as the noisy peak is flat.",
        "zh": "可以：$B(\\lambda, T) = \\frac{{2hc^2}}{{\\lambda^5}} \\frac{{1}}"
              "{{e^{{hc/(\\lambda k T)}} - 1}}$ 是只有一个参数 $T$ 的模型，对它可微，只是不是线性的。"
              "拟合 $\\log B$（它的值跨越许多个数量级），学习 $\\log T$（这样 $T$ 保持为正）。"
              "对太阳 {true} K 的光谱（300 nm 到 3 µm，1 % 噪声），从 3000 K 出发走 {steps} 步"
              "牛顿法（对 $\\log T$ 的一阶、二阶导数都由自动微分求得）学到 $T$ = {learnt} K。由最亮的波长按维恩位移定律 "
              "$T = b / \\lambda_\\max$ 得到 {closed} K：更粗糙，因为带噪声的峰很平。",
    },
    "lr.ex10.q": {
        "en": "What are the problems you might encounter if you wanted to compute the second "
              "derivatives? How would you fix them?",
        "zh": "计算二阶导数时可能会遇到什么问题？这些问题可以如何解决？",
    },
    "lr.ex10.a": {
        "en": "(1) The first derivative must itself be differentiable: by default `backward` "
              "frees the graph and returns a plain tensor. Fix: `torch.autograd.grad(..., "
              "create_graph=True)` and differentiate again; for $\\frac1n\\sum_i (w x_i - "
              "y_i)^2$ at $w = 0$ that gives {d2} against $2\\,\\overline{{x^2}}$ = {closed}. "
              "(2) The full Hessian has (parameters)² entries: for the Fashion-MNIST softmax "
              "regression, {params}² = {entries} numbers, {mb} MB in float32, each needing a "
              "backward pass. Fix: Hessian-vector products $H\\mathbf{{v}}$ (two backward "
              "passes, never forming $H$; here they match the full Hessian to {gap}), or "
              "approximations (its diagonal, Gauss–Newton). (3) Where a function is not "
              "twice differentiable (ReLU, $|x|$) the second derivative is 0 or undefined.",
        "zh": "(1) 一阶导数本身必须可微：默认情况下 `backward` 会释放计算图，只留下普通张量。解决："
              "用 `torch.autograd.grad(..., create_graph=True)` 再求一次导；对 "
              "$\\frac1n\\sum_i (w x_i - y_i)^2$ 在 $w = 0$ 处得到 {d2}，而 "
              "$2\\,\\overline{{x^2}}$ = {closed}。(2) 完整的黑塞矩阵有（参数个数）² 个元素：对 "
              "Fashion-MNIST 的 softmax 回归是 {params}² = {entries} 个数，float32 下 {mb} MB，"
              "每一行都要一次反向传播。解决：用黑塞矩阵-向量积 $H\\mathbf{{v}}$（两次反向传播，"
              "不构造 $H$；这里与完整黑塞矩阵相差 {gap}），或者用近似（对角线、高斯-牛顿）。"
              "(3) 在不是二阶可微的地方（ReLU、$|x|$），二阶导数为 0 或没有定义。",
    },
    "lr.ex2.q": {
        "en": "Why does `squared_loss` reshape `y`?",
        "zh": "为什么 `squared_loss` 要对 `y` 做 reshape？",
    },
    "lr.ex2.a": {
        "en": "`y_hat` has shape (B, 1). If `y` came in with shape (B,), `y_hat - y` would "
              "broadcast to a (B, B) matrix and the loss would be silently wrong. The reshape "
              "makes both (B, 1).",
        "zh": "`y_hat` 的形状是 (B, 1)。如果 `y` 的形状是 (B,)，`y_hat - y` 会广播成 (B, B) 的矩阵，"
              "损失悄无声息地算错。reshape 让两者都成为 (B, 1)。",
    },
    "lr.ex3.q": {
        "en": "Experiment with different learning rates: how quickly does the loss drop?",
        "zh": "尝试不同的学习率，观察损失函数值下降的快慢。",
    },
    "lr.ex3.a.fastest": {
        "en": "Faster up to a point. A full-batch step multiplies the error along each "
              "eigendirection of the Hessian by 1 − lr·λ, and the slowest direction sets the "
              "pace: max(|1 − lr·λ_min|, |1 − lr·λ_max|) is smallest at lr = 2/(λ_min + λ_max), "
              "here {fastest}. Up to that rate a larger learning rate is faster; between it and "
              "2/λ_max (here {bound}) the steepest direction overshoots and oscillates and "
              "convergence slows down again; above 2/λ_max the error grows geometrically and "
              "reaches inf or nan. The concise version hits each limit at half the learning "
              "rate, because nn.MSELoss has no ½. (Minibatches add noise: see the section on "
              "divergence.)",
        "zh": "只在一定范围内更快。全批量的一步把黑塞矩阵每个特征方向上的误差乘以 1 − lr·λ，"
              "最慢的方向决定整体速度：max(|1 − lr·λ_min|, |1 − lr·λ_max|) 在 lr = 2/(λ_min + λ_max) "
              "处最小，这里是 {fastest}。在这个学习率以下，学习率越大越快；从它到 2/λ_max（这里是 "
              "{bound}）之间，最陡的方向冲过头、来回振荡，收敛又变慢了；超过 2/λ_max，误差按几何级数"
              "增长，变成 inf 或 nan。简洁实现在一半的学习率处就到达每个界限，因为 nn.MSELoss 没有 ½。"
              "（小批量还会带来噪声：见“发散”一节。）",
    },
    "lr.ex4.q": {
        "en": "If the number of examples cannot be divided by the batch size, what happens to "
              "`data_iter`?",
        "zh": "如果样本个数不能被批量大小整除，`data_iter` 函数的行为会有什么变化？",
    },
    "lr.ex4.a": {
        "en": "The last minibatch of each epoch is smaller. `sgd` still divides by `batch_size`, "
              "so that last step is a little shorter than an average-gradient step (harmless). "
              "The concise version's nn.MSELoss averages over the actual batch, so its last step "
              "has full length.",
        "zh": "每个迭代周期的最后一个小批量会小一些。`sgd` 仍然除以 `batch_size`，所以最后一步比按平均梯度"
              "走的步子略短（无伤大雅）。简洁实现的 nn.MSELoss 按实际批量取平均，最后一步长度不变。",
    },
    "lr.ex5.q": {
        "en": "If we replace `nn.MSELoss()` by `nn.MSELoss(reduction='sum')`, how must the "
              "learning rate change to take the same steps?",
        "zh": "如果将 `nn.MSELoss()` 换成 `nn.MSELoss(reduction='sum')`，学习率要怎样改才能走同样的步子？",
    },
    "lr.ex5.a": {
        "en": "Divide it by the batch size B: the summed loss has a gradient B times larger. "
              "To match the scratch steps instead, divide by 2B, since nn.MSELoss has no ½.",
        "zh": "除以批量大小 B：求和后的损失梯度大了 B 倍。若要与从零实现的步子一致，则要除以 2B，"
              "因为 nn.MSELoss 没有 ½。",
    },
    "lr.ex7.q": {
        "en": "How do you access the gradient of the weights of the concise model?",
        "zh": "如何访问简洁实现中权重的梯度？",
    },
    "lr.ex7.a": {
        "en": "After `l.backward()` it lives in the parameter's `.grad`: `net[0].weight.grad` "
              "(shape (1, 2), like the weight) and `net[0].bias.grad` (shape (1,)). Read it "
              "before `trainer.zero_grad()` clears it. From scratch it is `w.grad` and `b.grad`, "
              "which `sgd` zeroes after every step.",
        "zh": "调用 `l.backward()` 之后，梯度保存在参数的 `.grad` 里：`net[0].weight.grad`"
              "（形状与权重相同，为 (1, 2)）和 `net[0].bias.grad`（形状 (1,)）。要在 "
              "`trainer.zero_grad()` 清掉它之前读取。从零开始实现中则是 `w.grad` 和 `b.grad`，"
              "`sgd` 每一步之后都会把它们清零。",
    },
}
