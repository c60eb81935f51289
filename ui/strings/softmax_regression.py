"""Strings of the softmax regression page (prefix "sr.").

Strings formatted with fields write LaTeX braces doubled ({{ }}); the others write them single.
Chinese follows 《动手学深度学习》: 独热编码, 未规范化的预测（logit）, 全连接层, 交叉熵损失,
极大似然估计, 信息量/惊异, 熵, 精度.
"""

STRINGS: dict[str, dict[str, str]] = {
    "sr.title": {"en": "Softmax regression", "zh": "softmax 回归"},
    "sr.key_idea": {
        "en": "Softmax regression is one fully-connected layer $\\mathbf{o} = \\mathbf{W}"
              "\\mathbf{x} + \\mathbf{b}$ whose outputs softmax turns into probabilities. "
              "Maximum likelihood makes its loss the cross-entropy $-\\log \\hat{y}_y$, and "
              "the gradient of that loss is simply $\\hat{\\mathbf y} - \\mathbf{y}$.",
        "zh": "softmax 回归就是一个全连接层 $\\mathbf{o} = \\mathbf{W}\\mathbf{x} + "
              "\\mathbf{b}$，再由 softmax 把输出变成概率。极大似然估计给出它的损失——交叉熵损失 "
              "$-\\log \\hat{y}_y$，而这个损失的梯度就是 $\\hat{\\mathbf y} - \\mathbf{y}$。",
    },
    "sr.intro": {
        "en": "Section 3.4 of *Dive into Deep Learning*: how a network outputs a category. "
              "Each part below has controls; every number on the page is computed from them.",
        "zh": "《动手学深度学习》3.4 节：网络如何输出一个类别。下面每一部分都有可以拖动的控件，"
              "页面上的每个数都由它们算出。",
    },
    # ---- 1. classification --------------------------------------------------------------------
    "sr.s1": {"en": "1. Classification and one-hot labels", "zh": "1. 分类问题与独热编码"},
    "sr.s1_text": {
        "en": "A category is not a number. If we coded cat, chicken and dog as $y = 1, 2, 3$, "
              "a regression model would believe that a chicken lies *between* a cat and a dog, "
              "and that mistaking a cat for a dog is twice as far off as mistaking it for a "
              "chicken ({far} against {near}) and, under the squared loss regression uses, "
              "$({far})^2 = {far2}$ against $({near})^2 = {near2}$: four times as costly. That is "
              "only right when the classes have a natural order (the book's example: baby, "
              "toddler, adolescent, young adult, adult, geriatric), and then regression may "
              "do. Otherwise we use a **one-hot encoding**: a vector with one component per "
              "class, 1 for the true class and 0 for every other. Pick a class:",
        "zh": "类别不是数。如果把猫、鸡、狗编码为 $y = 1, 2, 3$，回归模型会认为鸡位于猫和狗*之间*，"
              "而且把猫错认成狗比错认成鸡错得远一倍（{far} 对 {near}），在回归所用的平方损失下代价是 "
              "$({far})^2 = {far2}$ 对 $({near})^2 = {near2}$，是后者的四倍。只有当类别之间有自然顺序时（书中的例子：婴儿、"
              "儿童、青少年、青年人、中年人、老年人），这样做才说得通，那时用回归也可以。否则我们用"
              "**独热编码**：一个向量，它的分量和类别一样多，真实类别对应的"
              "分量为 1，其他所有分量为 0。选一个类别：",
    },
    "sr.toy_pick": {"en": "The book's three classes", "zh": "书中的三个类别"},
    "sr.toy.cat": {"en": "cat", "zh": "猫"},
    "sr.toy.chicken": {"en": "chicken", "zh": "鸡"},
    "sr.toy.dog": {"en": "dog", "zh": "狗"},
    "sr.toy_all": {"en": "So the label of an image is one of", "zh": "因此一张图像的标签是以下之一"},
    "sr.fm_pick": {"en": "A Fashion-MNIST class (10 classes)",
                   "zh": "Fashion-MNIST 的一个类别（共 10 类）"},
    "sr.no_images": {
        "en": "Fashion-MNIST's images are not on this machine, so no example picture is shown; "
              "the one-hot vector does not need them.",
        "zh": "本机没有 Fashion-MNIST 的图像，所以不显示示例图片；独热编码向量并不需要它们。",
    },
    "sr.alt_image": {"en": "A Fashion-MNIST training image of the class {name}",
                     "zh": "Fashion-MNIST 训练集中类别为{name}的一张图像"},
    "sr.image_caption": {"en": "{name} (training image {index})",
                         "zh": "{name}（训练图像 {index}）"},
    "sr.one_hot": {"en": "one-hot label y", "zh": "独热编码标签 y"},
    "sr.class": {"en": "class", "zh": "类别"},
    "sr.desc_one_hot": {
        "en": "Bar chart of the one-hot vector of the class {name}: 1 for that class, 0 for the "
              "nine others.",
        "zh": "类别{name}的独热编码向量的条形图：该类别为 1，其余九类为 0。",
    },
    # ---- 2. the network ------------------------------------------------------------------------
    "sr.s2": {"en": "2. The network: one fully-connected layer",
              "zh": "2. 网络架构：一个全连接层"},
    "sr.s2_text": {
        "en": "To estimate one probability per class, the model has one output per class: "
              "$q$ affine functions of the $d$ features, each with its own weights and bias. "
              "Every output depends on every input, so this is a **fully-connected layer**. "
              "The book draws $d = 4$ inputs and $q = 3$ outputs; change them and count.",
        "zh": "为了给每个类别估计一个概率，模型为每个类别准备一个输出：$d$ 个特征的 $q$ 个仿射函数，"
              "各有自己的权重和偏置。每个输出都依赖于每个输入，所以这是一个**全连接层**。"
              "书中画的是 $d = 4$ 个输入、$q = 3$ 个输出；改变它们，数一数参数。",
    },
    "sr.d": {"en": "Inputs d (features)", "zh": "输入数 d（特征）"},
    "sr.d_help": {
        "en": "Fashion-MNIST has d = 28 × 28 = 784 pixels: too many to draw, so the diagram "
              "stops at 16; its parameter count is below.",
        "zh": "Fashion-MNIST 有 d = 28 × 28 = 784 个像素，多得画不下，所以图最多画 16 个输入；"
              "它的参数个数写在下面。",
    },
    "sr.q": {"en": "Outputs q (classes)", "zh": "输出数 q（类别）"},
    "sr.n": {"en": "Minibatch size n", "zh": "小批量大小 n"},
    "sr.n_help": {"en": "How many examples go through the layer at once.",
                  "zh": "一次同时通过该层的样本数。"},
    "sr.layer": {"en": "input layer → output layer", "zh": "输入层 → 输出层"},
    "sr.desc_network": {
        "en": "Network diagram of a fully-connected layer: {d} input {d:node|nodes} on the "
              "left, {q} output nodes on the right, and {edges} lines, one from every input to every "
              "output.",
        "zh": "全连接层的网络图：左边 {d} 个输入节点，右边 {q} 个输出节点，{edges} 条连线，"
              "每个输入到每个输出各一条。",
    },
    "sr.count": {
        "en": "Parameters: $d \\times q + q = {d} \\times {q} + {q} = {params}$, that is "
              "{weights} weights (one per line in the diagram) and {q} biases.",
        "zh": "参数个数：$d \\times q + q = {d} \\times {q} + {q} = {params}$，即 {weights} 个"
              "权重（图中每条线一个）和 {q} 个偏置。",
    },
    "sr.count_fm": {
        "en": "For Fashion-MNIST: $784 \\times 10 + 10 = {params}$ parameters.",
        "zh": "对 Fashion-MNIST：$784 \\times 10 + 10 = {params}$ 个参数。",
    },
    "sr.cost": {
        "en": "**Cost.** Each output sums $d$ products, so one example costs $d \\times q$ "
              "= {mults} multiplications: a fully-connected layer costs "
              "$\\mathcal{{O}}(dq)$, as many as it has weights (Fashion-MNIST: {fm} per "
              "image). The book notes this can be reduced, by structured weight matrices, to "
              "$\\mathcal{{O}}(dq/n)$, where its $n$ is a hyperparameter of that structure, "
              "not the minibatch size $n$ below.",
        "zh": "**计算开销。** 每个输出要把 $d$ 个乘积相加，所以一个样本需要 $d \\times q$ "
              "= {mults} 次乘法：全连接层的开销是 $\\mathcal{{O}}(dq)$，与它的权重个数一样多"
              "（Fashion-MNIST：每张图像 {fm} 次）。书中提到，用结构化的权重矩阵可以把它降到 "
              "$\\mathcal{{O}}(dq/n)$，书中这个 $n$ 是这种结构的超参数，不是下面的小批量大小 $n$。",
    },
    "sr.batch_text": {
        "en": "For a minibatch the $n$ examples are the rows of $\\mathbf{X}$, and one matrix "
              "product computes all their outputs; $\\mathbf{b}$ is added to every row "
              "(broadcasting) and softmax acts on each row separately. Here $\\mathbf{W}$ is "
              "$d \\times q$: the transpose of the $q \\times d$ matrix in "
              "$\\mathbf{o} = \\mathbf{W}\\mathbf{x} + \\mathbf{b}$, so that the rows "
              "$\\mathbf{x}^\\top$ of $\\mathbf{X}$ multiply it from the left:",
        "zh": "对一个小批量，$n$ 个样本是 $\\mathbf{X}$ 的各行，一次矩阵乘法就算出它们全部的"
              "输出；$\\mathbf{b}$ 被加到每一行（广播），softmax 对每一行分别计算。这里 "
              "$\\mathbf{W}$ 是 $d \\times q$ 的：它是 $\\mathbf{o} = \\mathbf{W}\\mathbf{x} "
              "+ \\mathbf{b}$ 中 $q \\times d$ 矩阵的转置，这样 $\\mathbf{X}$ 的各行 "
              "$\\mathbf{x}^\\top$ 可以从左边乘它：",
    },
    "sr.row_sum": {"en": "row sum", "zh": "行和"},
    "sr.example": {"en": "example {i}", "zh": "样本 {i}"},
    "sr.batch_caption": {
        "en": "Ŷ for a random X ({n} × {d}), W ({d} × {q}) and b drawn with the sidebar's seed: "
              "every row sums to 1.",
        "zh": "用侧边栏的随机种子随机生成 X（{n} × {d}）、W（{d} × {q}）和 b 得到的 Ŷ："
              "每一行的和都是 1。",
    },
    # ---- 3. softmax ----------------------------------------------------------------------------
    "sr.s3": {"en": "3. The softmax operation", "zh": "3. softmax 运算"},
    "sr.s3_text": {
        "en": "The outputs $\\mathbf{o}$, the **logits**, can be any real numbers: negative, "
              "and not summing to 1. Softmax exponentiates them (so each is positive) and "
              "divides by the sum (so they sum to 1). Drag the logits $o_j$; the temperature "
              "$T$ divides them first ($T = 1$ is the book's softmax).",
        "zh": "输出 $\\mathbf{o}$ 是**未规范化的预测（logit）**，可以是任意实数：可以为负，"
              "总和也不必为 1。softmax 先取指数（于是每一项为正），再除以总和（于是总和为 1）。"
              "拖动未规范化的预测 $o_j$；温度 $T$ 先把它们除一下（$T = 1$ 就是书中的 softmax）。",
    },
    "sr.k": {"en": "Number of classes", "zh": "类别数"},
    "sr.k_help": {"en": "From 3 to 10 logits o₁ … o_k.", "zh": "3 到 10 个未规范化的预测 o₁ … o_k。"},
    "sr.temperature": {"en": "Temperature T", "zh": "温度 T"},
    "sr.temperature_help": {
        "en": "softmax(o / T): small T sharpens towards the argmax, large T flattens towards "
              "uniform. T = 0 would divide by zero, so the slider stops at 0.05.",
        "zh": "softmax(o / T)：T 小时分布变尖，趋向 argmax；T 大时变平，趋向均匀分布。"
              "T = 0 会除以零，所以滑块停在 0.05。",
    },
    "sr.shift": {"en": "Constant c added to every logit", "zh": "给每个未规范化的预测都加上常数 c"},
    "sr.shift_help": {
        "en": "softmax(o + c) = softmax(o): exp(c) appears above and below the fraction.",
        "zh": "softmax(o + c) = softmax(o)：exp(c) 同时出现在分子和分母中。",
    },
    "sr.y_hat": {"en": "ŷ = softmax(o)", "zh": "ŷ = softmax(o)"},
    "sr.y_hat_t": {"en": "softmax(o / T), T = {T}", "zh": "softmax(o / T)，T = {T}"},
    "sr.desc_softmax": {
        "en": "Bar chart of the {k} softmax probabilities of the logits, each between 0 and 1.",
        "zh": "这 {k} 个未规范化的预测经 softmax 得到的概率条形图，每个都在 0 和 1 之间。",
    },
    "sr.sum": {"en": "Σ ŷⱼ (at T)", "zh": "Σ ŷⱼ（温度 T 下）"},
    "sr.argmax": {"en": "argmax o = argmax ŷ", "zh": "argmax o = argmax ŷ"},
    "sr.shift_gap": {"en": "max |softmax(o + {c}) − softmax(o)|",
                     "zh": "max |softmax(o + {c}) − softmax(o)|"},
    "sr.range": {
        "en": "Every $\\hat y_j$ lies in $[0, 1]$: here from {lo} to {hi}. Softmax keeps the "
              "order of the logits, so the predicted class is the largest logit: the decision "
              "depends on an affine function of $\\mathbf{{x}}$ and softmax regression is a "
              "linear model.",
        "zh": "每个 $\\hat y_j$ 都在 $[0, 1]$ 中：这里从 {lo} 到 {hi}。softmax 保持未规范化的预测的"
              "大小顺序，所以预测的类别就是最大的那个 $o_j$：决策只取决于 $\\mathbf{{x}}$ 的仿射函数，"
              "softmax 回归仍是一个线性模型。",
    },
    "sr.equal": {
        "en": "All {k} logits are equal, so softmax is uniform: every ŷⱼ = 1/{k} = {p}. The "
              "argmax is a tie; torch.argmax (and this page) returns the first class, but the "
              "prediction is arbitrary: the model has no preference.",
        "zh": "这 {k} 个未规范化的预测全部相等，所以 softmax 给出均匀分布：每个 ŷⱼ = 1/{k} = {p}。"
              "argmax 出现并列；torch.argmax（以及本页）返回第一个类别，但这个预测是随意的："
              "模型没有任何偏好。",
    },
    "sr.t_min": {
        "en": "At the smallest temperature T = {T} the logits, and the gaps between them, "
              "are multiplied by {factor}: ŷ crowds onto the largest logit, shared equally "
              "when several tie (here the largest ŷⱼ = {top}). The smallest ŷⱼ is {low} in "
              "float64; in float32, whose smallest positive number is about 1.4e-45, it is "
              "{low32}. A probability that rounds to exactly 0 would, as a label's "
              "probability, make the loss −log 0 = ∞. As T → 0, ŷ tends to the one-hot "
              "vector of the argmax (or the uniform share of the tied largest logits); T = 0 "
              "would divide by zero. Subtracting the largest logit first keeps exp from "
              "overflowing.",
        "zh": "在最小的温度 T = {T} 下，未规范化的预测以及它们之间的差距都被乘以 {factor}："
              "ŷ 集中到最大的那个 o_j 上，几个并列最大时由它们平分（这里最大的 ŷⱼ = {top}）。"
              "最小的 ŷⱼ 在 float64 中是 {low}；在最小正数约为 1.4e-45 的 float32 中是 {low32}。"
              "一个被舍入成恰好为 0 的概率如果是真实类别的概率，损失就是 −log 0 = ∞。T → 0 时，ŷ "
              "趋向 argmax 的独热编码（几个并列最大时趋向它们之间的平分）；T = 0 会除以零。"
              "先减去最大的 o_j，exp 就不会上溢。",
    },
    "sr.s3_after": {
        "en": "Softmax is not linear, but it never changes which output is largest: that is "
              "why the classifier can be trained with softmax and used with a plain argmax. "
              "The denominator $\\sum_k \\exp(o_k)$, the normalisation constant, is also "
              "called the **partition function** (3.6); its log, "
              "$\\log \\sum_k \\exp(o_k)$, the log-partition function, returns in the "
              "loss below.",
        "zh": "softmax 不是线性的，但它从不改变哪个输出最大：所以分类器训练时用 softmax，"
              "预测时直接取 argmax 即可。分母 $\\sum_k \\exp(o_k)$（规范化常数）也称为"
              "**配分函数**（3.6 节）；它的对数 $\\log \\sum_k \\exp(o_k)$ 称为对数配分函数，"
              "下面的损失中还会遇到它。",
    },
    # ---- 4. cross-entropy ------------------------------------------------------------------------
    "sr.s4": {"en": "4. The loss: cross-entropy from maximum likelihood",
              "zh": "4. 损失函数：从极大似然估计到交叉熵损失"},
    "sr.s4_text": {
        "en": "Read $\\hat{y}_j$ as the model's probability of class $j$ given $\\mathbf{x}$. "
              "Maximum likelihood asks for the parameters under which the labels we observed "
              "are most probable. Four steps:",
        "zh": "把 $\\hat{y}_j$ 看作给定 $\\mathbf{x}$ 时模型认为属于类别 $j$ 的概率。"
              "极大似然估计寻找使观测到的标签概率最大的参数。分四步：",
    },
    "sr.d1": {
        "en": "The examples are independent, so the probability of all labels is a product.",
        "zh": "样本相互独立，所以全部标签的概率是各样本概率的乘积。",
    },
    "sr.d2": {
        "en": "Maximising it is minimising its negative log, which turns the product into a "
              "sum of per-example losses.",
        "zh": "最大化它等价于最小化它的负对数，负对数把乘积变成各样本损失之和。",
    },
    "sr.d3": {
        "en": "With a one-hot $\\mathbf{y}$, $P(\\mathbf{y} \\mid \\mathbf{x}) = "
              "\\prod_j \\hat{y}_j^{y_j}$, so each loss is the **cross-entropy loss**:",
        "zh": "对于独热编码的 $\\mathbf{y}$，$P(\\mathbf{y} \\mid \\mathbf{x}) = "
              "\\prod_j \\hat{y}_j^{y_j}$，所以每个样本的损失是**交叉熵损失**：",
    },
    "sr.d4": {
        "en": "Only the true class $c$ has $y_c = 1$: the loss is minus the log of the "
              "probability given to the true class.",
        "zh": "只有真实类别 $c$ 的 $y_c = 1$：损失就是真实类别所得概率的负对数。",
    },
    "sr.one_hot_of": {"en": "one-hot", "zh": "独热编码"},
    "sr.examples_text": {
        "en": "Check it on a few labelled examples: type each example's logits and pick its "
              "label. Of the three numbers below the last two must agree; the first, the "
              "likelihood, is the exponential of minus them.",
        "zh": "在几个带标签的样本上验证：输入每个样本的未规范化的预测并选择它的标签。"
              "下面三个数中后两个必须一致；第一个（似然）是它们的相反数的指数。",
    },
    "sr.m": {"en": "Number of examples n", "zh": "样本数 n"},
    "sr.example_logits": {"en": "Example {i}: logits o (commas)",
                          "zh": "样本 {i}：未规范化的预测 o（用逗号分隔）"},
    "sr.example_label": {"en": "Label of example {i}", "zh": "样本 {i} 的标签"},
    "sr.class_n": {"en": "class {c}", "zh": "类别 {c}"},
    "sr.col_logits": {"en": "logits o", "zh": "未规范化的预测 o"},
    "sr.col_label": {"en": "label y", "zh": "标签 y"},
    "sr.col_p": {"en": "P(y | x) = ŷ_y", "zh": "P(y | x) = ŷ_y"},
    "sr.col_loss": {"en": "loss −log ŷ_y", "zh": "损失 −log ŷ_y"},
    "sr.product": {"en": "Π P(y | x) (likelihood)", "zh": "Π P(y | x)（似然）"},
    "sr.neg_log_product": {"en": "−log Π P(y | x)", "zh": "−log Π P(y | x)"},
    "sr.sum_losses": {"en": "Σ −log ŷ_y (sum of losses)", "zh": "Σ −log ŷ_y（损失之和）"},
    "sr.agree": {
        "en": "The negative log-likelihood and the sum of the losses differ by {gap}: "
              "rounding only. The labels are most probable exactly where the summed "
              "cross-entropy loss is smallest.",
        "zh": "负对数似然与损失之和相差 {gap}：只是舍入误差。标签的概率最大之处，恰好是"
              "交叉熵损失之和最小之处。",
    },
    "sr.underflow": {
        "en": "Every probability is positive (the smallest is {smallest}), but their product "
              "underflowed to 0 in float64, so its −log is ∞, while the sum of the losses, "
              "computed from the logits as log Σ exp(o) − o_y, is {total}. This is why we add "
              "log-probabilities instead of multiplying probabilities.",
        "zh": "每个概率都是正的（最小的是 {smallest}），但它们的乘积在 float64 中下溢为 0，"
              "所以它的 −log 是 ∞；而由未规范化的预测按 "
              "log Σ exp(o) − o_y 算出的损失之和是 {total}。这就是我们把对数概率相加、"
              "而不是把概率相乘的原因。",
    },
    "sr.underflow_one": {
        "en": "There is no product to blame: the probability of example {i}'s label, "
              "$e^{{-{loss}}}$, is itself below float64's smallest number and rounded to 0, "
              "so $-\\log \\hat y_y$ from it is ∞ and so is the −log of the product. The "
              "remedy is to compute the loss from the logits, "
              "$\\log \\sum_k \\exp(o_k) - o_y$ = {loss}, never forming $\\hat y_y$: the "
              "sum of the losses is {total}.",
        "zh": "这里怪不到乘积头上：样本 {i} 的标签的概率 $e^{{-{loss}}}$ 本身就小于 float64 "
              "的最小数，被舍入为 0，所以由它算出的 $-\\log \\hat y_y$ 是 ∞，乘积的 −log 也是 ∞。"
              "补救的办法是直接由未规范化的预测计算损失 $\\log \\sum_k \\exp(o_k) - o_y$ = "
              "{loss}，根本不去算 $\\hat y_y$：损失之和是 {total}。",
    },
    "sr.err.empty": {
        "en": "{what}: the field is empty. Type numbers separated by commas, e.g. 2, 1, 0.1. "
              "The page keeps using {fallback}.",
        "zh": "{what}：输入框是空的。请输入用逗号分隔的数，例如 2, 1, 0.1。本页继续使用 {fallback}。",
    },
    "sr.err.not_number": {
        "en": "{what}: what you typed (shown below as typed) is not a list of numbers. Write "
              "numbers like 2, -0.5 or 1e3 separated by commas. The page keeps using "
              "{fallback}.",
        "zh": "{what}：你输入的内容（按原样显示在下面）不是一串数。请写 2、-0.5 或 1e3 这样的数，"
              "用逗号分隔。本页继续使用 {fallback}。",
    },
    "sr.err.not_finite": {
        "en": "{what}: inf and nan are not values a model outputs. Type finite numbers. The "
              "page keeps using {fallback}.",
        "zh": "{what}：inf 和 nan 不是模型会输出的值。请输入有限的数。本页继续使用 {fallback}。",
    },
    "sr.err.too_large": {
        "en": "{what}: a number is too large (beyond ±1,000,000). The page keeps using "
              "{fallback}.",
        "zh": "{what}：有一个数太大了（超出 ±1,000,000）。本页继续使用 {fallback}。",
    },
    "sr.err.too_few": {
        "en": "{what}: at least two classes are needed; with one, its probability is always "
              "1. The page keeps using {fallback}.",
        "zh": "{what}：至少需要两个类别；只有一个时，它的概率永远是 1。本页继续使用 {fallback}。",
    },
    "sr.err.too_many": {
        "en": "{what}: at most {cap} classes here. The page keeps using {fallback}.",
        "zh": "{what}：这里最多 {cap} 个类别。本页继续使用 {fallback}。",
    },
    "sr.err.other": {
        "en": "{what}: this input cannot be used (at most {cap} numbers). The page keeps "
              "using {fallback}.",
        "zh": "{what}：这个输入无法使用（最多 {cap} 个数）。本页继续使用 {fallback}。",
    },
    "sr.not_one": {
        "en": "{what} sums to {total}, not 1, so it is not a probability distribution. The "
              "page uses it normalised (divided by its sum): {normalised}.",
        "zh": "{what} 的总和是 {total}，不是 1，所以它不是概率分布。本页使用规范化后"
              "（除以总和）的结果：{normalised}。",
    },
    "sr.negative": {
        "en": "{what} has a negative entry: a probability is never below 0, so this is no "
              "distribution and dividing by the sum cannot fix it. The page uses the uniform "
              "distribution {uniform} instead.",
        "zh": "{what} 中有负数：概率不会小于 0，所以它不是分布，除以总和也救不回来。"
              "本页改用均匀分布 {uniform}。",
    },
    "sr.zero_sum": {
        "en": "{what} is all zeros: nothing to normalise, since no class has any "
              "probability. The page uses the uniform distribution {uniform} instead.",
        "zh": "{what} 全为 0：没有任何类别有概率，无从规范化。本页改用均匀分布 {uniform}。",
    },
    # ---- 5. the gradient -------------------------------------------------------------------------
    "sr.s5": {"en": "5. The gradient: prediction minus label",
              "zh": "5. 梯度：预测减去标签"},
    "sr.s5_text": {
        "en": "Put softmax into the loss. Because $\\sum_j y_j = 1$, the log of the "
              "denominator comes out whole, and the derivative of $\\log \\sum_k \\exp(o_k)$ "
              "with respect to $o_j$ is softmax itself:",
        "zh": "把 softmax 代入损失。因为 $\\sum_j y_j = 1$，分母的对数整体提了出来，而 "
              "$\\log \\sum_k \\exp(o_k)$ 对 $o_j$ 的导数正是 softmax 本身：",
    },
    "sr.uses_logits": {"en": "The logits of section 3: o = {o}",
                       "zh": "第 3 部分的未规范化的预测：o = {o}"},
    "sr.true_class": {"en": "True class y", "zh": "真实类别 y"},
    "sr.grad": {"en": "∂l/∂o = ŷ − y", "zh": "∂l/∂o = ŷ − y"},
    "sr.value": {"en": "value", "zh": "数值"},
    "sr.loss_or_accuracy": {"en": "mean loss (nats), or accuracy (0 to 1)",
                            "zh": "平均损失（纳特），或精度（0 到 1）"},
    "sr.desc_gradient": {
        "en": "Grouped bar chart per class: the probability ŷⱼ, the one-hot label yⱼ for true "
              "class {c}, and the gradient ŷⱼ − yⱼ, negative only at the true class.",
        "zh": "按类别分组的条形图：概率 ŷⱼ、真实类别为 {c} 时的独热编码标签 yⱼ，以及梯度 "
              "ŷⱼ − yⱼ，它只在真实类别处为负。",
    },
    "sr.col_formula": {"en": "formula softmax(o) − y", "zh": "公式 softmax(o) − y"},
    "sr.col_autograd": {"en": "autograd ∂l/∂o", "zh": "自动微分 ∂l/∂o"},
    "sr.grad_agree": {
        "en": "The formula and PyTorch's autograd differ by at most {diff}. A step "
              "against the gradient raises the true class's logit and lowers every other one, "
              "each in proportion to its error; the entries sum to {total} (zero, up to "
              "rounding).",
        "zh": "公式与 PyTorch 自动微分的结果最多相差 {diff}。沿梯度反方向走一步，会抬高真实类别的"
              "未规范化的预测、压低其余各项，幅度与各自的误差成正比；各分量之和为 {total}"
              "（除舍入误差外为零）。",
    },
    "sr.linreg_link": {
        "en": "It is the same shape as in linear regression, where the squared loss's "
              "gradient is $\\hat{y} - y$: prediction minus label, here one entry per class.",
        "zh": "这与线性回归的形式相同：平方损失的梯度是 $\\hat{y} - y$，即预测减去标签，"
              "这里只是每个类别各有一个分量。",
    },
    # ---- 6. information theory -------------------------------------------------------------------
    "sr.s6": {"en": "6. Information theory basics", "zh": "6. 信息论基础"},
    "sr.s6_text": {
        "en": "Observing an event of probability $P(j)$ brings $-\\log P(j)$ of information, "
              "its **surprisal**: certain events (1) bring none, rare ones much. **Entropy** "
              "is the expected surprisal, $H[P] = -\\sum_j P(j) \\log P(j)$. If we expect "
              "$Q$ while the data follow $P$, our expected surprisal is the **cross-entropy** "
              "$H(P, Q) = -\\sum_j P(j) \\log Q(j) \\ge H[P]$; the gap is the KL divergence "
              "$D_\\mathrm{KL}(P \\| Q)$. With $\\log_2$ the unit is the bit, with $\\ln$ "
              "the nat.",
        "zh": "观察到概率为 $P(j)$ 的事件带来 $-\\log P(j)$ 的信息量，也称**惊异**（surprisal）："
              "必然事件（概率 1）毫无信息，罕见事件信息量大。**熵**是惊异的期望，"
              "$H[P] = -\\sum_j P(j) \\log P(j)$。如果数据服从 $P$，而我们以为是 $Q$，"
              "期望惊异就是**交叉熵** $H(P, Q) = -\\sum_j P(j) \\log Q(j) \\ge H[P]$；"
              "差值是 KL 散度 $D_\\mathrm{KL}(P \\| Q)$。以 $\\log_2$ 计单位是比特，"
              "以 $\\ln$ 计单位是纳特。",
    },
    "sr.unit": {"en": "Unit", "zh": "单位"},
    "sr.unit.nats": {"en": "nats", "zh": "纳特"},
    "sr.unit.bits": {"en": "bits", "zh": "比特"},
    "sr.kp": {"en": "Number of classes", "zh": "类别数"},
    "sr.shape": {
        "en": "Shape $P$ (the data, e.g. a one-hot label) and $Q$ (the model's $\\hat{y}$). "
              "The defaults $p = [1, 0, 0]$ and $q = [0.7, 0.2, 0.1]$ are an example from "
              "lecture notes on the course, not from the book; the book's own example, the "
              "soft label $(0.1, 0.2, 0.7)$ against $(0, 0, 1)$, is below.",
        "zh": "调整 $P$（数据，例如独热编码标签）和 $Q$（模型的 $\\hat{y}$）。默认值 "
              "$p = [1, 0, 0]$ 和 $q = [0.7, 0.2, 0.1]$ 来自课程的讲义，不是书中的例子；"
              "书中自己的例子——软标签 $(0.1, 0.2, 0.7)$ 对比 $(0, 0, 1)$——在下面。",
    },
    "sr.h_p": {"en": "entropy H[P]", "zh": "熵 H[P]"},
    "sr.h_pq": {"en": "cross-entropy H(P, Q)", "zh": "交叉熵 H(P, Q)"},
    "sr.kl": {"en": "KL(P ‖ Q)", "zh": "KL(P ‖ Q)"},
    "sr.units": {
        "en": "1 nat = 1 / ln 2 = {bits} bits. The uniform distribution over {k} classes has the "
              "largest entropy, log {k} = {log_k} {unit}; a one-hot one has 0.",
        "zh": "1 纳特 = 1 / ln 2 = {bits} 比特。{k} 个类别上的均匀分布熵最大，为 log {k} = {log_k} "
              "{unit}；独热分布的熵为 0。",
    },
    "sr.probability": {"en": "probability", "zh": "概率"},
    "sr.probability_j": {"en": "probability ŷⱼ", "zh": "概率 ŷⱼ"},
    "sr.label_j": {"en": "label yⱼ", "zh": "标签 yⱼ"},
    "sr.desc_pq": {"en": "Grouped bar chart of the two distributions P and Q per class.",
                   "zh": "按类别分组的条形图：两个分布 P 和 Q。"},
    "sr.surprisal": {"en": "surprisal ({unit})", "zh": "惊异（{unit}）"},
    "sr.desc_surprisal": {
        "en": "Grouped bar chart of the surprisal −log P(j) and −log Q(j) per class; a class of "
              "probability 0 is labelled ∞ and has no bar.",
        "zh": "按类别分组的条形图：惊异 −log P(j) 与 −log Q(j)；概率为 0 的类别标为 ∞，不画条。",
    },
    "sr.infinite": {
        "en": "Q gives probability 0 to a class that P says can happen: −log 0 = ∞, so "
              "H(P, Q) and KL(P ‖ Q) are infinite. As a loss this is a model that called the "
              "true label impossible: infinitely wrong, and its gradient is no use. Softmax "
              "never outputs an exact 0 (unless exp underflows), which keeps the loss finite.",
        "zh": "Q 给 P 认为可能发生的某个类别的概率是 0：−log 0 = ∞，所以 H(P, Q) 和 KL(P ‖ Q) "
              "是无穷大。作为损失，这相当于模型断言真实标签不可能出现：错得无穷大，梯度也无从谈起。"
              "softmax 从不输出恰好为 0 的概率（除非 exp 下溢），这使损失保持有限。",
    },
    "sr.h_axis": {"en": "information ({unit})", "zh": "信息量（{unit}）"},
    "sr.desc_gap": {
        "en": "One bar of length H(P, Q) split into the entropy H[P] = {h} and the KL "
              "divergence {kl}, the gap.",
        "zh": "一根长度为 H(P, Q) 的条，分成熵 H[P] = {h} 与差值 KL 散度 {kl} 两段。",
    },
    "sr.gap_text": {
        "en": "$H(P, Q) = H[P] + D_\\mathrm{KL}(P \\| Q)$ and the KL part is never negative: "
              "the cross-entropy is smallest, equal to $H[P]$, exactly when $Q = P$. For a "
              "one-hot $P$, $H[P] = 0$ and the whole cross-entropy is the gap.",
        "zh": "$H(P, Q) = H[P] + D_\\mathrm{KL}(P \\| Q)$，且 KL 部分永远不为负：交叉熵在 "
              "$Q = P$ 时最小，恰为 $H[P]$。对于独热的 $P$，$H[P] = 0$，整个交叉熵就是这段差值。",
    },
    "sr.q_axis": {"en": "probability Q(j) the model gives", "zh": "模型给出的概率 Q(j)"},
    "sr.desc_curve": {
        "en": "The curve of surprisal −log q against the probability q, falling from left to "
              "right, with each class of Q placed on it; dot size is P(j).",
        "zh": "惊异 −log q 随概率 q 变化的曲线，从左向右下降；Q 的每个类别画在曲线上，"
              "点的大小为 P(j)。",
    },
    "sr.picture": {
        "en": "**Maximising likelihood = minimising surprisal.** The cross-entropy is the "
              "P-weighted height of these dots. Giving more probability to the class that "
              "happens moves its dot right and down the curve: higher likelihood, lower "
              "surprisal, smaller loss.",
        "zh": "**最大化似然 = 最小化惊异。** 交叉熵就是这些点按 P 加权的高度。"
              "给实际发生的类别更多概率，它的点就沿曲线向右下移动：似然更大，惊异更小，损失更小。",
    },
    "sr.book_info": {
        "en": "The lecture notes' example (not the book's) $p = [1, 0, 0]$, "
              "$q = [0.7, 0.2, 0.1]$: $H[p] = {h}$, "
              "$H(p, q) = -\\log 0.7 = {hpq}$ nats, $D_{{\\mathrm{{KL}}}}(p \\| q) = {kl}$ nats.",
        "zh": "讲义中的例子（不是书中的）$p = [1, 0, 0]$，$q = [0.7, 0.2, 0.1]$：$H[p] = {h}$，"
              "$H(p, q) = -\\log 0.7 = {hpq}$ 纳特，$D_{{\\mathrm{{KL}}}}(p \\| q) = {kl}$ 纳特。",
    },
    "sr.coding_title": {"en": "Entropy as a coding bound", "zh": "熵：编码的下界"},
    "sr.coding_text": {
        "en": "Entropy is also a length. To send draws from $P$ as bits, give each class a "
              "code word; no code can average fewer than $H[P]$ bits per draw (with $\\ln$: "
              "$H[P]$ nats). Predictable data compress well: a one-hot $P$ needs no "
              "information at all, a uniform one the most. Huffman's code, the best prefix "
              "code (no word is the start of another), gives likely classes short words and "
              "averages between $H[P]$ and $H[P] + 1$ bits. A code built for the model's $Q$ "
              "instead uses lengths near $-\\log_2 Q(j)$; on draws from $P$ that costs "
              "$H(P, Q) = H[P] + D_\\mathrm{KL}(P \\| Q)$ bits: the cross-entropy is the "
              "price of coding the data with the wrong distribution. Your $P$ and $Q$:",
        "zh": "熵也是一种长度。要把从 $P$ 中抽取的结果用比特传送，就给每个类别一个码字；任何编码"
              "每次抽样平均都不能少于 $H[P]$ 比特（用 $\\ln$ 则是 $H[P]$ 纳特）。可预测的数据"
              "容易压缩：独热的 $P$ 根本不需要信息，均匀分布需要的最多。霍夫曼编码是最好的前缀码"
              "（没有一个码字是另一个码字的开头），它给可能性大的类别短码字，平均长度在 $H[P]$ 与 "
              "$H[P] + 1$ 比特之间。如果按模型的 $Q$ 来设计编码，码长约为 $-\\log_2 Q(j)$；"
              "用在来自 $P$ 的数据上，代价是 $H(P, Q) = H[P] + D_\\mathrm{KL}(P \\| Q)$ 比特："
              "交叉熵就是用错误的分布给数据编码所付的代价。你的 $P$ 和 $Q$：",
    },
    "sr.col_word_p": {"en": "Huffman word for P", "zh": "按 P 的霍夫曼码字"},
    "sr.col_word_q": {"en": "Huffman word for Q", "zh": "按 Q 的霍夫曼码字"},
    "sr.code_h": {"en": "H[P] (bits per draw)", "zh": "H[P]（比特/次）"},
    "sr.code_huffman": {"en": "Huffman for P, on P", "zh": "按 P 编码，用于 P"},
    "sr.code_hpq": {"en": "H(P, Q) (bits)", "zh": "H(P, Q)（比特）"},
    "sr.code_huffman_q": {"en": "Huffman for Q, on P", "zh": "按 Q 编码，用于 P"},
    "sr.coding_after": {
        "en": "Bits per draw: the bound $H[P]$ = {h} ({nats} nats) ≤ Huffman's {huffman} ≤ "
              "$H[P] + 1$ = {h1} (strictly below when every $P(j) > 0$; a class of probability "
              "0 still takes a word). Coding with $Q$: ideal lengths cost $H(P, Q)$ = {hpq}, "
              "Huffman's code for $Q$ costs {hq} on draws from $P$. Whole-bit words waste up "
              "to a bit per draw; coding several draws at once (exercise 2) brings the cost "
              "per draw towards $H[P]$. A class with $Q(j) = 0$ still gets a word here, while "
              "its ideal length $-\\log_2 0$ is infinite.",
        "zh": "每次抽样的比特数：下界 $H[P]$ = {h}（{nats} 纳特）≤ 霍夫曼编码的 {huffman} ≤ "
              "$H[P] + 1$ = {h1}（每个 $P(j) > 0$ 时严格小于；概率为 0 的类别也要占一个码字）。按 $Q$ 编码：理想码长的代价是 $H(P, Q)$ = {hpq}，按 $Q$ 设计的"
              "霍夫曼编码用在来自 $P$ 的数据上是 {hq}。码字只能取整数个比特，每次抽样最多浪费 1 比特；"
              "把多次抽样合起来编码（练习 2）能让每次的代价趋近 $H[P]$。$Q(j) = 0$ 的类别在这里"
              "仍有码字，而它的理想码长 $-\\log_2 0$ 是无穷大。",
    },
    "sr.soft_title": {"en": "Soft labels: a label that is a distribution",
                      "zh": "软标签：作为分布的标签"},
    "sr.soft_text": {
        "en": "The cross-entropy $l(\\mathbf{y}, \\hat{\\mathbf y}) = -\\sum_j y_j \\log "
              "\\hat y_j$ does not need a one-hot $\\mathbf{y}$. The book (3.4.5.3) notes "
              "that a label may be a distribution over the classes, e.g. $(0.1, 0.2, 0.7)$ "
              "instead of $(0, 0, 1)$. Then the loss is an **expected loss**: the surprisal "
              "$-\\log \\hat y_j$ averaged over a class $j$ drawn from the label, "
              "$l = E_{j \\sim \\boldsymbol y}[-\\log \\hat y_j] = H(\\mathbf{y}, "
              "\\hat{\\mathbf y})$. Here $\\hat{\\mathbf y}$ is softmax of section 3's "
              "logits (the label is padded with zeros beyond three classes).",
        "zh": "交叉熵 $l(\\mathbf{y}, \\hat{\\mathbf y}) = -\\sum_j y_j \\log \\hat y_j$ "
              "并不要求 $\\mathbf{y}$ 是独热编码。书中（3.4.5.3 节）指出，标签可以是各类别上的"
              "一个分布，例如用 $(0.1, 0.2, 0.7)$ 代替 $(0, 0, 1)$。这时损失是一个**期望损失**："
              "按标签抽取类别 $j$，对惊异 $-\\log \\hat y_j$ 求平均，"
              "$l = E_{j \\sim \\boldsymbol y}[-\\log \\hat y_j] = H(\\mathbf{y}, "
              "\\hat{\\mathbf y})$。这里的 $\\hat{\\mathbf y}$ 是第 3 部分未规范化的预测经 "
              "softmax 的结果（类别多于三个时，标签其余分量补 0）。",
    },
    "sr.soft_pick": {"en": "The book's label (3.4.5.3)", "zh": "书中的标签（3.4.5.3 节）"},
    "sr.soft.soft": {"en": "soft label {y}", "zh": "软标签 {y}"},
    "sr.soft.hard": {"en": "one-hot label {y}", "zh": "独热编码标签 {y}"},
    "sr.soft_loss": {"en": "loss Σ y_j (−log ŷ_j)", "zh": "损失 Σ y_j (−log ŷ_j)"},
    "sr.soft_h": {"en": "H[y], the smallest loss", "zh": "H[y]，损失的最小值"},
    "sr.soft_kl": {"en": "KL(y ‖ ŷ), the loss above it", "zh": "KL(y ‖ ŷ)，超出最小值的部分"},
    "sr.soft_after.soft": {
        "en": "For the logits {o}: the expected loss is {loss} (from the logits, "
              "$\\log \\sum_k \\exp(o_k) - \\sum_j y_j o_j$ = {logits}); the one-hot label "
              "$(0, 0, 1)$ would give {other}. A soft label's loss never reaches 0: it is "
              "smallest, $H[\\mathbf{{y}}]$ = {h}, when $\\hat{{\\mathbf y}} = \\mathbf{{y}}$, "
              "and the gradient $\\hat{{\\mathbf y}} - \\mathbf{{y}}$ pulls towards it.",
        "zh": "对未规范化的预测 {o}：期望损失为 {loss}（由未规范化的预测计算 "
              "$\\log \\sum_k \\exp(o_k) - \\sum_j y_j o_j$ = {logits}）；独热编码标签 "
              "$(0, 0, 1)$ 给出 {other}。软标签的损失永远到不了 0：当 "
              "$\\hat{{\\mathbf y}} = \\mathbf{{y}}$ 时最小，为 $H[\\mathbf{{y}}]$ = {h}，"
              "梯度 $\\hat{{\\mathbf y}} - \\mathbf{{y}}$ 正把预测拉向它。",
    },
    "sr.soft_after.hard": {
        "en": "For the logits {o}: with the one-hot label the sum keeps one term, "
              "$-\\log \\hat y_3$ = {loss} (from the logits: {logits}), and its smallest "
              "value $H[\\mathbf{{y}}]$ = {h} needs $\\hat y_3 = 1$, which softmax only "
              "approaches. The soft label $(0.1, 0.2, 0.7)$ would give {other}, at least its "
              "entropy {soft_h}.",
        "zh": "对未规范化的预测 {o}：独热编码标签让求和只剩一项 $-\\log \\hat y_3$ = {loss}"
              "（由未规范化的预测计算：{logits}），它的最小值 $H[\\mathbf{{y}}]$ = {h} 要求 "
              "$\\hat y_3 = 1$，softmax 只能无限接近。软标签 $(0.1, 0.2, 0.7)$ 给出 {other}，"
              "至少是它的熵 {soft_h}。",
    },
    # ---- 7. prediction and accuracy ----------------------------------------------------------------
    "sr.s7": {"en": "7. Prediction and accuracy", "zh": "7. 模型预测和评估"},
    "sr.s7_text": {
        "en": "To predict, take the class with the largest probability, $\\operatorname{argmax}_j "
              "\\hat{y}_j$. **Accuracy** is the share of predictions that equal the label. "
              "Below are the two examples of the book's section 3.6 (the implementation from "
              "scratch); edit the rows of $\\hat{\\mathbf y}$ or the labels.",
        "zh": "预测时取概率最大的类别 $\\operatorname{argmax}_j \\hat{y}_j$。**精度**是预测与标签"
              "一致的比例。下面是书中 3.6 节（从零开始实现）的两个样本；可以修改 $\\hat{\\mathbf y}$ 的各行或标签。",
    },
    "sr.row": {"en": "ŷ of example {i} (probabilities, commas)",
               "zh": "样本 {i} 的 ŷ（概率，用逗号分隔）"},
    "sr.col_pred": {"en": "prediction argmax ŷ", "zh": "预测 argmax ŷ"},
    "sr.col_right": {"en": "correct", "zh": "正确"},
    "sr.accuracy": {"en": "accuracy", "zh": "精度"},
    "sr.mean_loss": {"en": "mean cross-entropy loss", "zh": "平均交叉熵损失"},
    "sr.log_zero": {
        "en": "A label has probability 0: its loss is −log 0 = ∞. The model was certain the "
              "true class could not happen; one such example makes the mean loss infinite, "
              "while accuracy merely counts it as one mistake.",
        "zh": "有一个标签的概率为 0：它的损失是 −log 0 = ∞。模型断定真实类别不可能出现；"
              "一个这样的样本就让平均损失变成无穷大，而精度只把它算作一次错误。",
    },
    "sr.book_example": {
        "en": "With 3.6's rows and labels $y = [0, 2]$ (classes 1 and 3 here), the losses "
              "are {l1} and {l2}, and the accuracy is {acc}: the first example is predicted as "
              "its third class, the second correctly.",
        "zh": "对于 3.6 节的两行及标签 $y = [0, 2]$（这里记为类别 1 和 3），损失为 {l1} 和 {l2}，"
              "精度为 {acc}：第一个样本被预测为第三类，第二个预测正确。",
    },
    "sr.why_not_accuracy": {
        "en": "Why not train on accuracy directly? It only changes when an argmax flips: "
              "between flips it is flat, so its gradient is 0 almost everywhere and gradient "
              "descent gets no signal. The cross-entropy changes smoothly with every logit. "
              "Below, the true-class logit of example 1 is raised by δ:",
        "zh": "为什么不直接优化精度？精度只在某个 argmax 改变时才变化：其余时候是平的，"
              "几乎处处梯度为 0，梯度下降得不到任何信号。交叉熵损失则随每个未规范化的预测平滑变化。"
              "下面把样本 1 真实类别的未规范化的预测增加 δ：",
    },
    "sr.delta_axis": {"en": "δ added to example 1's true-class logit",
                      "zh": "给样本 1 真实类别的未规范化的预测加上的 δ"},
    "sr.desc_sweep": {
        "en": "Two lines against δ: the mean cross-entropy loss falls smoothly, the accuracy "
              "is a step that jumps once the true class becomes the argmax.",
        "zh": "随 δ 变化的两条线：平均交叉熵损失平滑下降，精度是一个台阶，在真实类别成为 argmax "
              "时跳变。",
    },
    "sr.sweep_caption": {
        "en": "The dashed line is δ = 0, the rows as typed. The logits are log ŷ (softmax "
              "undoes the log).",
        "zh": "虚线是 δ = 0，即输入的原样。未规范化的预测取为 log ŷ（softmax 会还原它）。",
    },
    "sr.no_sweep": {
        "en": "Example 1 gives its label probability 0, so its logit is −∞ and no finite δ "
              "moves it: there is no curve to draw.",
        "zh": "样本 1 给它的标签的概率是 0，所以对应的未规范化的预测是 −∞，任何有限的 δ 都移不动它："
              "没有曲线可画。",
    },
    # ---- exercises (《动手学深度学习》3.4 练习) -----------------------------------------------
    "sr.q1": {
        "en": "*Source: d2l 3.4, exercise 1 (English edition: 4.1, exercise 1).* Explore the connection between exponential families and "
              "softmax in more depth. (1) Compute the second derivative of the cross-entropy "
              "loss $l(\\mathbf{y}, \\hat{\\mathbf y})$ for softmax. (2) Compute the variance "
              "of the distribution given by $\\operatorname{softmax}(\\mathbf{o})$ and show "
              "that it matches the second derivative computed above.",
        "zh": "*出处：《动手学深度学习》（第二版）3.4 节练习 1。* 我们可以更深入地探讨指数族与 softmax 之间的联系。"
              "(1) 计算 softmax 交叉熵损失 $l(\\mathbf{y}, \\hat{\\mathbf y})$ 的二阶导数。"
              "(2) 计算 $\\operatorname{softmax}(\\mathbf{o})$ 给出的分布方差，"
              "并与上面计算的二阶导数匹配。",
    },
    "sr.a1": {
        "en": "(1) From $\\partial l / \\partial o_j = \\hat{{y}}_j - y_j$: "
              "$\\partial^2 l / \\partial o_i \\partial o_j = \\hat{{y}}_j(\\delta_{{ij}} - "
              "\\hat{{y}}_i)$, i.e. the Hessian is $\\operatorname{{diag}}(\\hat{{\\mathbf{{y}}}}) "
              "- \\hat{{\\mathbf{{y}}}}\\hat{{\\mathbf{{y}}}}^\\top$, whatever the label. "
              "(2) Draw a class $J$ from $\\hat{{\\mathbf{{y}}}}$ and write it one-hot, "
              "$\\mathbf{{e}}_J$: $E[\\mathbf{{e}}_J] = \\hat{{\\mathbf{{y}}}}$ and "
              "$\\operatorname{{Cov}}[\\mathbf{{e}}_J] = \\operatorname{{diag}}(\\hat{{\\mathbf{{y}}}}) "
              "- \\hat{{\\mathbf{{y}}}}\\hat{{\\mathbf{{y}}}}^\\top$: the same matrix (each "
              "diagonal entry is the Bernoulli variance $\\hat{{y}}_j(1 - \\hat{{y}}_j)$). "
              "This is the exponential family's rule: the log-partition function "
              "$\\log \\sum_k \\exp(o_k)$ has the mean as gradient and the covariance as "
              "Hessian. For section 3's logits {o}, the Hessian by autograd and "
              "$\\operatorname{{diag}}(\\hat{{\\mathbf{{y}}}}) - \\hat{{\\mathbf{{y}}}}"
              "\\hat{{\\mathbf{{y}}}}^\\top$ differ by at most {gap}.",
        "zh": "(1) 由 $\\partial l / \\partial o_j = \\hat{{y}}_j - y_j$ 得 "
              "$\\partial^2 l / \\partial o_i \\partial o_j = \\hat{{y}}_j(\\delta_{{ij}} - "
              "\\hat{{y}}_i)$，即黑塞矩阵为 $\\operatorname{{diag}}(\\hat{{\\mathbf{{y}}}}) "
              "- \\hat{{\\mathbf{{y}}}}\\hat{{\\mathbf{{y}}}}^\\top$，与标签无关。"
              "(2) 从 $\\hat{{\\mathbf{{y}}}}$ 中抽取类别 $J$ 并写成独热编码 $\\mathbf{{e}}_J$："
              "$E[\\mathbf{{e}}_J] = \\hat{{\\mathbf{{y}}}}$，"
              "$\\operatorname{{Cov}}[\\mathbf{{e}}_J] = \\operatorname{{diag}}(\\hat{{\\mathbf{{y}}}}) "
              "- \\hat{{\\mathbf{{y}}}}\\hat{{\\mathbf{{y}}}}^\\top$：正是同一个矩阵（对角元是伯努利"
              "方差 $\\hat{{y}}_j(1 - \\hat{{y}}_j)$）。这正是指数族的规律：对数配分函数 "
              "$\\log \\sum_k \\exp(o_k)$ 的梯度是均值，黑塞矩阵是协方差。对第 3 部分的未规范化的预测 "
              "{o}，自动微分算出的黑塞矩阵与 $\\operatorname{{diag}}(\\hat{{\\mathbf{{y}}}}) - "
              "\\hat{{\\mathbf{{y}}}}\\hat{{\\mathbf{{y}}}}^\\top$ 最多相差 {gap}。",
    },
    "sr.q2": {
        "en": "*Source: d2l 3.4, exercise 2 (English edition: 4.1, exercise 2).* Suppose three classes occur with equal probability, i.e. "
              "the probability vector is $(\\frac13, \\frac13, \\frac13)$. (1) What is the "
              "problem if we try to design a binary code for it? (2) Can you design a better "
              "code? Hint: what happens if we try to encode two independent observations? "
              "What if we encode $n$ observations jointly?",
        "zh": "*出处：《动手学深度学习》（第二版）3.4 节练习 2。* 假设我们有三个类发生的概率相等，即概率向量是 "
              "$(\\frac13, \\frac13, \\frac13)$。(1) 如果我们尝试为它设计二进制代码，有什么问题？"
              "(2) 请设计一个更好的代码。提示：如果我们尝试编码两个独立的观察结果会发生什么？"
              "如果我们联合编码 $n$ 个观测值怎么办？",
    },
    "sr.a2": {
        "en": "(1) The entropy is $\\log_2 3 = {log2_3}$ bits, not a whole number: a code of 2 "
              "bits per symbol leaves one of its four words unused and wastes {waste} bits per "
              "symbol; the best prefix code for one symbol, Huffman's (0, 10, 11), still "
              "averages {one} = 5/3 bits. (2) Code two observations together: their 9 equally "
              "likely pairs get a Huffman code of seven 3-bit and two 4-bit words, "
              "{pairs} = {pair_bits} bits per pair, {per_symbol} per symbol: closer to "
              "$\\log_2 3$ than 5/3. Per symbol, Huffman on $n$ observations at once: "
              "{huffman}. A fixed-length code on $n$ observations needs "
              "$\\lceil n \\log_2 3 \\rceil$ bits for the $3^n$ outcomes: {codes}; it is "
              "worse for small $n$ (2.000 for pairs), but both tend to $\\log_2 3$, the "
              "entropy, as $n$ grows (the coding bound of section 6).",
        "zh": "(1) 熵是 $\\log_2 3 = {log2_3}$ 比特，不是整数：每个符号用 2 比特的代码有四个码字中"
              "的一个用不上，每个符号浪费 {waste} 比特；单个符号最好的前缀码——霍夫曼编码"
              "（0、10、11）——平均也要 {one} = 5/3 比特。(2) 把两个观测值合起来编码：9 种等可能的"
              "结果对得到七个 3 比特、两个 4 比特码字的霍夫曼编码，每对 {pairs} = {pair_bits} "
              "比特，每个符号 {per_symbol} 比特：比 5/3 更接近 $\\log_2 3$。一次对 $n$ 个观测值"
              "做霍夫曼编码，每个符号的比特数：{huffman}。对 $n$ 个观测值用定长码，$3^n$ 种结果需要 "
              "$\\lceil n \\log_2 3 \\rceil$ 比特：{codes}；$n$ 小时它更差（结果对为 2.000），"
              "但随着 $n$ 增大，两者都趋于熵 $\\log_2 3$（第 6 部分的编码下界）。",
    },
    "sr.q3": {
        "en": "*Source: d2l 3.4, exercise 3 (English edition: 4.1, exercise 5).* Softmax is a misnomer for the mapping introduced above "
              "(but everyone in deep learning uses it). The real softmax is defined as "
              "$\\mathrm{RealSoftMax}(a, b) = \\log(\\exp(a) + \\exp(b))$. (1) Prove that "
              "$\\mathrm{RealSoftMax}(a, b) > \\max(a, b)$. (2) Prove that "
              "$\\lambda^{-1} \\mathrm{RealSoftMax}(\\lambda a, \\lambda b) > \\max(a, b)$ for "
              "$\\lambda > 0$. (3) Show that for $\\lambda \\to \\infty$ we have "
              "$\\lambda^{-1} \\mathrm{RealSoftMax}(\\lambda a, \\lambda b) \\to \\max(a, b)$. "
              "(4) What does the soft-min look like? (5) Extend this to more than two numbers.",
        "zh": "*出处：《动手学深度学习》（第二版）3.4 节练习 3。* softmax 是对上面介绍的映射的误称（虽然深度学习领域中"
              "很多人都使用这个名字）。真正的 softmax 被定义为 "
              "$\\mathrm{RealSoftMax}(a, b) = \\log(\\exp(a) + \\exp(b))$。(1) 证明 "
              "$\\mathrm{RealSoftMax}(a, b) > \\max(a, b)$。(2) 证明 "
              "$\\lambda^{-1} \\mathrm{RealSoftMax}(\\lambda a, \\lambda b) > \\max(a, b)$ 成立，"
              "前提是 $\\lambda > 0$。(3) 证明对于 $\\lambda \\to \\infty$，有 "
              "$\\lambda^{-1} \\mathrm{RealSoftMax}(\\lambda a, \\lambda b) \\to \\max(a, b)$。"
              "(4) soft-min 会是什么样子？(5) 将其扩展到两个以上的数字。",
    },
    "sr.a3": {
        "en": "(1) Say $a \\ge b$: $\\log(e^a + e^b) = a + \\log(1 + e^{{b - a}}) > a$, since "
              "$e^{{b - a}} > 0$. (2) Apply (1) to $\\lambda a, \\lambda b$ and divide by "
              "$\\lambda > 0$. (3) $\\lambda^{{-1}}\\log(1 + e^{{\\lambda(b - a)}}) \\le "
              "\\lambda^{{-1}} \\log 2 \\to 0$. (4) "
              "$\\mathrm{{softmin}}(a, b) = -\\mathrm{{RealSoftMax}}(-a, -b)$, just below the "
              "minimum. (5) For $k$ numbers, $\\max_j o_j < \\log \\sum_j \\exp(o_j) \\le "
              "\\max_j o_j + \\log k$ (each of the $k$ terms is at most $e^{{\\max}}$): a "
              "smooth maximum, and the log-partition function of softmax. For section 3's "
              "logits {o} ($k = {k}$): max = {max}, RealSoftMax = {lse}, max + log k = {bound}. "
              "The excess $\\lambda^{{-1}} \\mathrm{{RealSoftMax}}(\\lambda \\mathbf{{o}}) - "
              "\\max_j o_j$, computed exactly (60-digit decimals): {scaled}: positive, as "
              "proved, and tending to 0. In float64 the scaled values are {top_float}: float64 "
              "numbers next to {top} are {ulp} apart, so an excess below half that spacing "
              "cannot be held beside the max and the sum rounds to the max itself. "
              "Soft-min: {softmin} ≤ min = {min}.",
        "zh": "(1) 设 $a \\ge b$：$\\log(e^a + e^b) = a + \\log(1 + e^{{b - a}}) > a$，因为 "
              "$e^{{b - a}} > 0$。(2) 对 $\\lambda a, \\lambda b$ 用 (1)，再除以 $\\lambda > 0$。"
              "(3) $\\lambda^{{-1}}\\log(1 + e^{{\\lambda(b - a)}}) \\le \\lambda^{{-1}} \\log 2 "
              "\\to 0$。(4) $\\mathrm{{softmin}}(a, b) = -\\mathrm{{RealSoftMax}}(-a, -b)$，"
              "略小于最小值。(5) 对 $k$ 个数，$\\max_j o_j < \\log \\sum_j \\exp(o_j) \\le "
              "\\max_j o_j + \\log k$（$k$ 项中每一项都不超过 $e^{{\\max}}$）：这是一个平滑的最大值，"
              "也是 softmax 的对数配分函数。对第 3 部分的未规范化的预测 {o}（$k = {k}$）：max = {max}，"
              "RealSoftMax = {lse}，max + log k = {bound}。超出量 $\\lambda^{{-1}} "
              "\\mathrm{{RealSoftMax}}(\\lambda \\mathbf{{o}}) - \\max_j o_j$ 用 60 位十进制精确"
              "计算：{scaled}：如所证明的那样为正，并趋于 0。在 float64 中缩放后的值为 {top_float}："
              "与 {top} 相邻的 float64 数相距 {ulp}，小于这个间距一半的超出量无法与最大值并存，"
              "和被舍入成最大值本身。"
              "soft-min：{softmin} ≤ min = {min}。",
    },
}
