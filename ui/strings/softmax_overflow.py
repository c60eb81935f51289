"""Strings of the softmax overflow page (prefix "so.").

Strings formatted with fields write LaTeX braces doubled ({{ }}); the others write them single.
"""

STRINGS: dict[str, dict[str, str]] = {
    "so.title": {"en": "Softmax overflow and underflow", "zh": "softmax 的上溢与下溢"},
    "so.key_idea": {
        "en": "Never take exp of raw logits and then divide: subtract the largest logit first, "
              "and compute the loss from log-probabilities (log-sum-exp). `F.cross_entropy` "
              "does exactly that, so hand it logits.",
        "zh": "不要对未规范化的预测（logit）直接取 exp 再相除：先减去其中最大的一个，再用对数概率"
              "（log-sum-exp）计算损失。`F.cross_entropy` 正是这样做的，所以直接把未规范化的预测交给它。",
    },
    "so.intro": {
        "en": "Softmax turns logits $o$ into probabilities "
              "$\\hat y_j = \\exp(o_j) / \\sum_k \\exp(o_k)$. On paper that is all; in floating "
              "point, $\\exp$ overflows to `inf` once its input passes about 88.7 in float32 "
              "(only 11.1 in float16) and underflows to exactly 0 for very negative inputs. Type "
              "logits, stretch them with the scale factor, pick a dtype, and watch which of the "
              "three ways survives.",
        "zh": "softmax 把未规范化的预测 $o$ 变成概率 "
              "$\\hat y_j = \\exp(o_j) / \\sum_k \\exp(o_k)$。纸面上就这么简单；但在浮点数中，"
              "float32 的 $\\exp$ 在输入超过约 88.7 时上溢为 `inf`（float16 只到 11.1），"
              "输入非常负时则下溢为恰好 0。输入一组 $o$，用缩放因子把它们拉大，选一种数据类型，"
              "看看三种算法中哪一种撑得住。",
    },
    # ---- controls --------------------------------------------------------------------------
    "so.controls": {"en": "Your logits", "zh": "你输入的未规范化的预测"},
    "so.logits": {"en": "Logits o, separated by commas", "zh": "未规范化的预测 o，用逗号分隔"},
    "so.logits_help": {
        "en": "From 2 to {cap} numbers, each between −{big} and {big}, separated by commas or "
              "spaces, e.g. 2, 1, 0.1. The scale factor below multiplies them.",
        "zh": "2 到 {cap} 个数，每个介于 −{big} 与 {big} 之间，用逗号或空格分隔，例如 2, 1, 0.1。"
              "下面的缩放因子会把它们整体放大。",
    },
    "so.dtype": {"en": "Floating-point type (dtype)", "zh": "浮点类型（dtype）"},
    "so.scale": {"en": "Scale factor s: the logits used are s · o",
                 "zh": "缩放因子 s：实际使用的是 s · o"},
    "so.scale_help": {
        "en": "Two significant digits from 0.01 to 100,000, both signs: a log-like slider. "
              "s · o is computed exactly in float64, then rounded to the dtype.",
        "zh": "从 0.01 到 100000 的两位有效数字，正负皆可：近似对数刻度的滑块。"
              "s · o 先在 float64 中精确计算，再舍入到所选类型。",
    },
    "so.y": {"en": "True class y", "zh": "真实类别 y"},
    # no logit in the option: a select's labels can lag one run behind newly typed logits
    "so.class_option": {"en": "class {j}", "zh": "类别 {j}"},
    "so.used": {
        "en": "Logits used, s · o in {dtype}: {o}",
        "zh": "实际使用的 s · o（{dtype}）：{o}",
    },
    "so.verdict": {
        "en": "**Naive:** {naive} · **max-subtracted:** {stable} · **log-sum-exp:** {lse}",
        "zh": "**朴素：** {naive} · **减去最大值：** {stable} · **log-sum-exp：** {lse}",
    },
    "so.kept": {
        "en": "Still showing the last good logits: {logits}",
        "zh": "仍在显示上一次有效的输入：{logits}",
    },
    "so.err.empty": {
        "en": "The logits field is empty. Type at least two numbers, e.g. `2, 1, 0.1`.",
        "zh": "输入框是空的。请至少输入两个数，例如 `2, 1, 0.1`。",
    },
    "so.err.not_number": {
        "en": "“{detail}” is not a number. Write numbers like `2`, `-0.5` or `1e3`, separated "
              "by commas.",
        "zh": "“{detail}”不是数字。请写 `2`、`-0.5` 或 `1e3` 这样的数，用逗号分隔。",
    },
    "so.err.not_finite": {
        "en": "“{detail}” is not a logit: a model's outputs are finite numbers. To watch exp "
              "overflow, type a large finite value such as `1000`, or move the scale factor.",
        "zh": "“{detail}”不能作为未规范化的预测：模型的输出都是有限的数。想观察 exp 上溢，请输入 "
              "`1000` 这样大的有限值，或拖动缩放因子。",
    },
    "so.err.too_large": {
        "en": "“{detail}” is too large: each logit must lie between −{big} and {big}. The scale "
              "factor can take them further.",
        "zh": "“{detail}”太大了：每个数必须介于 −{big} 与 {big} 之间。缩放因子可以把它们放得更大。",
    },
    "so.err.too_few": {
        "en": "Softmax needs at least two classes: a single logit always gets probability 1. "
              "Add another number.",
        "zh": "softmax 至少需要两个类别：只有一个输出时，它的概率永远是 1。请再加一个数。",
    },
    "so.err.too_many": {
        "en": "{detail} values are too many: this page takes at most {cap} logits, enough to see "
              "every effect and few enough to read.",
        "zh": "{detail} 个值太多了：本页最多接受 {cap} 个，足以看到所有现象，也读得过来。",
    },
    "so.logits_overflow": {
        "en": "At this scale some logits are beyond the largest {dtype} number ({max}): they are "
              "already ±inf before softmax starts, and no formula can rescue an input that is "
              "inf. Lower the scale or pick a wider dtype.",
        "zh": "在这个缩放下，有些 s · o 超出了 {dtype} 能表示的最大数（{max}）：在 softmax "
              "开始之前它们就已经是 ±inf，任何公式都救不回一个已经是 inf 的输入。请减小缩放，"
              "或换一种范围更大的类型。",
    },
    # ---- methods and statuses ---------------------------------------------------------------
    "so.m.naive": {"en": "naive", "zh": "朴素"},
    "so.m.max_subtracted": {"en": "max-subtracted", "zh": "减去最大值"},
    "so.m.log_sum_exp": {"en": "log-sum-exp", "zh": "log-sum-exp"},
    "so.m.ref": {"en": "float64 reference", "zh": "float64 参考值"},
    "so.m.torch": {"en": "F.cross_entropy ({dtype})", "zh": "F.cross_entropy（{dtype}）"},
    "so.status.ok": {"en": "correct", "zh": "正确"},
    "so.status.imprecise": {"en": "imprecise (a small loss: 1 + small was rounded)",
                            "zh": "不精确（损失很小，1 + 小量 在舍入时丢了有效数字）"},
    "so.status.wrong": {"en": "finite but wrong", "zh": "有限但错误"},
    "so.status.inf_loss": {"en": "loss = inf (ŷ_y rounded to 0, then log 0)",
                           "zh": "损失 = inf（ŷ_y 舍入为 0，再取 log 0）"},
    "so.status.loss_overflow": {"en": "loss = inf (the true loss is beyond the dtype's range)",
                                "zh": "损失 = inf（真实损失超出该类型的范围）"},
    "so.status.nan": {"en": "nan or inf (exp overflowed, or 0/0)",
                      "zh": "nan 或 inf（exp 上溢，或 0/0）"},
    "so.status.bad_input": {"en": "the logits overflow the dtype", "zh": "s · o 本身超出该类型范围"},
    # the same statuses, short, as the legend of §2's chart names them (a phone's width)
    "so.band.ok": {"en": "correct", "zh": "正确"},
    "so.band.imprecise": {"en": "imprecise", "zh": "不精确"},
    "so.band.wrong": {"en": "finite but wrong", "zh": "有限但错误"},
    "so.band.inf_loss": {"en": "inf: ŷ_y rounded to 0", "zh": "inf：ŷ_y 舍入为 0"},
    "so.band.loss_overflow": {"en": "inf: true loss too big", "zh": "inf：真实损失超出范围"},
    "so.band.nan": {"en": "nan or inf", "zh": "nan 或 inf"},
    "so.band.bad_input": {"en": "s · o overflows", "zh": "s · o 超出范围"},
    "so.band_key": {"en": "The colours: {items}.", "zh": "各颜色的含义：{items}。"},
    "so.loss": {"en": "loss", "zh": "损失"},
    "so.gradient": {"en": "gradient", "zh": "梯度"},
    # ---- section 1 --------------------------------------------------------------------------
    "so.s1": {"en": "Three ways, side by side", "zh": "三种算法，并排比较"},
    "so.s1_text": {
        "en": "Each column is computed with torch in the dtype you chose, from the same rounded "
              "logits; the last column is `torch.softmax` in float64 on those logits.\n\n"
              "- **Naive:** $\\hat y_j = \\dfrac{\\exp(o_j)}{\\sum_k \\exp(o_k)}$, loss "
              "$-\\log \\hat y_y$.\n"
              "- **Max-subtracted:** with $\\bar o = \\max_k o_k$, "
              "$\\hat y_j = \\dfrac{\\exp(o_j - \\bar o)}{\\sum_k \\exp(o_k - \\bar o)}$, still "
              "loss $-\\log \\hat y_y$. The largest exp is $\\exp(0) = 1$: no overflow, and the "
              "sum is at least 1, so no 0/0.\n"
              "- **Log-sum-exp:** $\\log \\hat y_j = o_j - \\bar o - "
              "\\log \\sum_k \\exp(o_k - \\bar o)$ and the loss $-\\log \\hat y_y$ read straight "
              "from it (the fused cross-entropy): no probability is rounded to 0 before the log.",
        "zh": "每一列都用 torch 在你选择的类型中计算，输入是同一组舍入后的 $o$；最后一列是对这组 "
              "$o$ 在 float64 中调用 `torch.softmax` 的结果。\n\n"
              "- **朴素：** $\\hat y_j = \\dfrac{\\exp(o_j)}{\\sum_k \\exp(o_k)}$，损失 "
              "$-\\log \\hat y_y$。\n"
              "- **减去最大值：** 记 $\\bar o = \\max_k o_k$，"
              "$\\hat y_j = \\dfrac{\\exp(o_j - \\bar o)}{\\sum_k \\exp(o_k - \\bar o)}$，损失仍是 "
              "$-\\log \\hat y_y$。最大的 exp 是 $\\exp(0) = 1$：不会上溢；分母至少为 1，"
              "也不会出现 0/0。\n"
              "- **log-sum-exp：** $\\log \\hat y_j = o_j - \\bar o - "
              "\\log \\sum_k \\exp(o_k - \\bar o)$，损失 $-\\log \\hat y_y$ 直接从它读出"
              "（融合的交叉熵）：取对数之前，没有任何概率被舍入成 0。",
    },
    "so.probabilities": {"en": "Probabilities", "zh": "概率"},
    "so.losses": {"en": "Loss per method", "zh": "各算法的损失"},
    "so.col.class": {"en": "class j", "zh": "类别 j"},
    "so.col.o": {"en": "o_j ({dtype})", "zh": "o_j（{dtype}）"},
    "so.col.naive": {"en": "naive ŷⱼ", "zh": "朴素 ŷⱼ"},
    "so.col.max_subtracted": {"en": "max-subtracted ŷⱼ", "zh": "减去最大值 ŷⱼ"},
    "so.col.log_y_hat": {"en": "log-sum-exp log ŷⱼ", "zh": "log-sum-exp 的 log ŷⱼ"},
    "so.col.log_sum_exp": {"en": "log-sum-exp exp(log ŷⱼ)", "zh": "log-sum-exp 的 exp(log ŷⱼ)"},
    "so.col.ref": {"en": "float64 ŷⱼ", "zh": "float64 ŷⱼ"},
    "so.col.method": {"en": "method", "zh": "算法"},
    "so.col.loss": {"en": "loss −log ŷ_y", "zh": "损失 −log ŷ_y"},
    "so.col.status": {"en": "verdict", "zh": "结论"},
    "so.col.rel": {"en": "relative error", "zh": "相对误差"},
    "so.legend": {
        "en": "Highlighted and spelled out: **nan**, **inf / −inf**, **exactly 0**. The true "
              "class is marked ✓. A probability of exactly 0 is harmless until the loss takes "
              "its log. A loss is *correct* when it is within {tol} of the float64 loss, "
              "*relative* to it, and *imprecise* when it misses that but is within {tol} "
              "absolute (a small loss whose $1 + r$ was rounded); the float64 loss is computed "
              "with `log1p` (below), so it keeps its relative precision even when it is tiny. "
              "A gradient is *correct* when its true-class entry $\\hat y_y - 1$ is within {tol} of the float64 one, *relative* "
              "to it, as the loss, and every other entry $\\hat y_j$ within {tol} absolute; "
              "*imprecise* when only the true-class entry misses, by at most {tol} absolute.",
        "zh": "高亮并写明：**nan**、**inf / −inf**、**恰好为 0**。真实类别标有 ✓。恰好为 0 "
              "的概率本身无害，直到损失对它取对数。与 float64 损失的*相对*误差不超过 {tol} 时，"
              "损失才算*正确*；超出这个范围、但绝对误差不超过 {tol} 时算*不精确*（$1 + r$ 被舍入的小损失）；"
              "float64 损失用 `log1p`（见下文）计算，即使很小也保有相对精度。"
              "梯度在真实类别上的分量 $\\hat y_y - 1$ 与 float64 值的*相对*误差不超过 {tol}"
              "（与损失的判法相同）、其余分量 $\\hat y_j$ 的绝对误差不超过 {tol} 时，梯度才算*正确*；"
              "只有真实类别的分量超出、且绝对误差不超过 {tol} 时，算*不精确*。",
    },
    "so.check": {
        "en": "Fused loss {ours} against `torch.nn.functional.cross_entropy` {torch}, both in "
              "{dtype}: difference {diff}.",
        "zh": "融合损失 {ours}，对比 `torch.nn.functional.cross_entropy` 的 {torch}，两者都在 "
              "{dtype} 中计算：差值 {diff}。",
    },
    "so.small_text": {
        "en": "**Small losses and `log1p`.** With $\\bar o = \\max_k o_k$, the loss is "
              "$\\ell = (\\bar o - o_y) + \\log(1 + r)$, $r = \\sum_{{k \\ne \\arg\\max}} "
              "\\exp(o_k - \\bar o)$. When the true class has the largest logit, the first term "
              "is 0 and a confident prediction makes $r$, and the loss, small. Here, in {dtype}: "
              "$r$ = {rest}, and $1 + r$ rounds to {one_plus}, because the {dtype} numbers next "
              "to 1 are {eps} apart: the digits of $r$ below that spacing are gone before the "
              "log sees them. So $\\log$ of the rounded sum (what log-sum-exp and "
              "`F.cross_entropy` compute) gives {log_sum}, relative error {rel_sum}; "
              "`torch.log1p(r)` takes $r$ itself and gives {log1p}, relative error {rel_log1p} "
              "(float64: {ref}). The *absolute* error of $\\log(1 + r)$ stays below about "
              "{eps}; its *relative* error grows like eps / $r$. The gradient does not escape it: "
              "its true-class entry $\\hat y_y - 1 = -r / (1 + r)$ is computed by autograd as "
              "$\\exp(\\log \\hat y_y) - 1$ (log-sum-exp, `log_softmax`, `F.cross_entropy`), "
              "and $\\log \\hat y_y = -\\log(1 + r)$ carries the same rounding of $1 + r$: here "
              "{grad} against {grad_ref} in float64, relative error {rel_grad}. Harmless for "
              "training all the same: that entry, like the loss, is off by less than about "
              "{eps} *absolute*, far below the gradient's other sizes, and a step "
              "$\\eta \\cdot$ gradient barely moves.",
        "zh": "**小损失与 `log1p`。** 记 $\\bar o = \\max_k o_k$，损失为 "
              "$\\ell = (\\bar o - o_y) + \\log(1 + r)$，其中 $r = \\sum_{{k \\ne \\arg\\max}} "
              "\\exp(o_k - \\bar o)$。真实类别的 $o_y$ 最大时第一项为 0，预测越有把握，$r$ 和损失"
              "就越小。这里在 {dtype} 中：$r$ = {rest}，而 $1 + r$ 舍入成 {one_plus}，因为 {dtype} "
              "中与 1 相邻的数相差 {eps}：$r$ 低于这个间距的有效数字，在取对数之前就已丢失。所以对舍入后"
              "的和取 $\\log$（log-sum-exp 和 `F.cross_entropy` 都是这样算的）得到 {log_sum}，相对误差 "
              "{rel_sum}；`torch.log1p(r)` 直接作用于 $r$，得到 {log1p}，相对误差 {rel_log1p}"
              "（float64：{ref}）。$\\log(1 + r)$ 的*绝对*误差始终不超过约 {eps}，它的*相对*误差却随 eps / $r$ 增长。"
              "梯度也逃不掉：它在真实类别上的分量 $\\hat y_y - 1 = -r / (1 + r)$ 由 autograd 按 "
              "$\\exp(\\log \\hat y_y) - 1$ 计算（log-sum-exp、`log_softmax`、`F.cross_entropy` "
              "都如此），而 $\\log \\hat y_y = -\\log(1 + r)$ 带着同样的 $1 + r$ 舍入：这里是 "
              "{grad}，float64 中为 {grad_ref}，相对误差 {rel_grad}。但这对训练仍然无害：这个分量和"
              "损失一样，*绝对*误差不超过约 {eps}，远小于梯度中其他量的大小，"
              "一步 $\\eta \\cdot$ 梯度几乎不受影响。",
    },
    "so.bar_x": {"en": "class j", "zh": "类别 j"},
    "so.bar_y": {"en": "probability ŷⱼ", "zh": "概率 ŷⱼ"},
    "so.bars_caption": {
        "en": "A value that is nan or inf has no bar: its label stands at the bottom instead.",
        "zh": "值为 nan 或 inf 时没有柱子，只在底部标出它的值。",
    },
    # ---- section 2 --------------------------------------------------------------------------
    "so.s2": {"en": "Where it breaks", "zh": "在哪里失效"},
    "so.s2_text": {
        "en": "$\\exp(x)$ is finite only while $x < \\log(\\text{{largest {dtype} number}})$, "
              "and it is exactly 0 once it rounds below the smallest positive number. The "
              "thresholds for **{dtype}**, from `torch.finfo` and measured by calling `torch.exp` "
              "in {dtype} on the representable numbers on either side:",
        "zh": "只有当 $x < \\log(\\text{{{dtype} 的最大数}})$ 时 $\\exp(x)$ 才是有限的；"
              "一旦舍入到最小正数以下，它就恰好等于 0。**{dtype}** 的阈值，来自 `torch.finfo`，"
              "并在两侧可表示的数上用 {dtype} 调用 `torch.exp` 实测：",
    },
    "so.col.quantity": {"en": "quantity", "zh": "量"},
    "so.col.value": {"en": "value", "zh": "值"},
    "so.th.max": {"en": "largest finite number, finfo.max", "zh": "最大有限数 finfo.max"},
    "so.th.log_max": {"en": "log(finfo.max)", "zh": "log(finfo.max)"},
    "so.th.x_max": {"en": "largest x with exp(x) finite (measured)",
                    "zh": "使 exp(x) 有限的最大 x（实测）"},
    "so.th.x_max_next": {"en": "the next number up: exp(x) = inf",
                         "zh": "再往上一个数：exp(x) = inf"},
    "so.th.tiny": {"en": "smallest normal number, finfo.tiny", "zh": "最小正规数 finfo.tiny"},
    "so.th.log_tiny": {"en": "log(finfo.tiny): below it exp(x) is subnormal",
                       "zh": "log(finfo.tiny)：低于它，exp(x) 成为次正规数"},
    "so.th.subnormal": {"en": "smallest subnormal, finfo.tiny · finfo.eps",
                        "zh": "最小次正规数 finfo.tiny · finfo.eps"},
    "so.th.log_half_subnormal": {"en": "log(smallest subnormal / 2): below it exp(x) rounds to 0",
                                 "zh": "log(最小次正规数 / 2)：低于它，exp(x) 舍入为 0"},
    "so.th.x_min": {"en": "smallest x with exp(x) > 0 (measured)",
                    "zh": "使 exp(x) > 0 的最小 x（实测）"},
    "so.th.x_min_next": {"en": "the next number down: exp(x) = 0",
                         "zh": "再往下一个数：exp(x) = 0"},
    "so.underflow_text": {
        "en": "**Why underflow is not at log(finfo.tiny).** Below the smallest *normal* number, "
              "IEEE floats go on with *subnormal* numbers that give up one bit of precision at "
              "a time, down to finfo.tiny · finfo.eps. For $x$ between "
              "$\\log(\\text{{tiny}} \\cdot \\text{{eps}})$ and $\\log(\\text{{tiny}})$, $\\exp(x)$ "
              "is such a subnormal: not 0, but with fewer correct digits. Rounding to nearest "
              "sends $\\exp(x)$ to exactly 0 once it is less than half the smallest subnormal, "
              "at about $\\log(\\text{{tiny}} \\cdot \\text{{eps}} / 2)$. The measured value "
              "lies on the {dtype} grid near that point, where numbers are {step} apart.",
        "zh": "**为什么下溢点不在 log(finfo.tiny)。** 比最小*正规*数还小时，IEEE 浮点数用*次正规*数"
              "继续往下排，每往下一段就少一位精度，一直到 finfo.tiny · finfo.eps。当 $x$ 介于 "
              "$\\log(\\text{{tiny}} \\cdot \\text{{eps}})$ 与 $\\log(\\text{{tiny}})$ 之间时，"
              "$\\exp(x)$ 就是这样一个次正规数：不为 0，但有效数字更少。按“舍入到最近”的规则，"
              "一旦 $\\exp(x)$ 小于最小次正规数的一半，就会被舍入为恰好 0，约在 "
              "$\\log(\\text{{tiny}} \\cdot \\text{{eps}} / 2)$ 处。实测值落在该点附近的 {dtype} "
              "网格上，那里相邻两数相差 {step}。",
    },
    "so.subnormals_on": {
        "en": "On this device torch keeps subnormal results (no flush to zero): the measured "
              "underflow point matches log(smallest subnormal / 2), not log(finfo.tiny).",
        "zh": "在本设备上 torch 保留次正规结果（没有清零）：实测的下溢点与 log(最小次正规数 / 2) "
              "吻合，而不是 log(finfo.tiny)。",
    },
    "so.subnormals_off": {
        "en": "On this device exp flushes subnormal results to zero: the measured underflow "
              "point sits near log(finfo.tiny) instead of log(smallest subnormal / 2).",
        "zh": "在本设备上 exp 把次正规结果清零：实测的下溢点位于 log(finfo.tiny) 附近，"
              "而不是 log(最小次正规数 / 2)。",
    },
    "so.bf16_note": {
        "en": "bfloat16 has float32's range but only 8 significant bits: near 88 its numbers "
              "are 0.5 apart, so the largest one with a finite exp is 88.5, and the next, 89, "
              "already gives inf.",
        "zh": "bfloat16 与 float32 的范围相同，但只有 8 位有效位：在 88 附近相邻的数相差 0.5，"
              "所以 exp 仍有限的最大数是 88.5，下一个数 89 就已经得到 inf。",
    },
    "so.chart_text": {
        "en": "Across the scale factor (a symmetric log axis), for each method: is the loss right, "
              "and is its autograd gradient right? The black rule is your current scale.",
        "zh": "沿着缩放因子（对称对数坐标轴），对每种算法看：损失对不对，autograd 求出的梯度对不对？"
              "黑色竖线是当前的缩放。",
    },
    "so.curves_text": {
        "en": "The loss itself where it is finite (symmetric log axes); the dashed line is float64. "
              "A line that stops is a method that gave up.",
        "zh": "损失本身（只画有限的部分，两轴均为对称对数刻度）；虚线是 float64。线断了，就是该算法失效了。",
    },
    "so.axis_scale": {"en": "scale factor s", "zh": "缩放因子 s"},
    "so.axis_loss": {"en": "loss −log ŷ_y", "zh": "损失 −log ŷ_y"},
    "so.breaks_text": {
        "en": "Where each loss first goes wrong, predicted from the thresholds alone, against "
              "the first scale on the slider where it is nan, inf or wrong (an *imprecise* small "
              "loss is not counted). Naive fails once some "
              "$s o_j$ passes the overflow point, or $\\hat y_y$ rounds to 0; max-subtracted "
              "only when $s(o_y - \\bar o)$ passes the underflow point; log-sum-exp only when "
              "the logits themselves overflow, or when the loss, at least $s(\\bar o - o_y)$, "
              "passes the largest {dtype} number. The prediction is approximate: the dtype rounds "
              "$s \\cdot o$ first, and a $\\hat y_y$ among the subnormals has lost digits "
              "before it reaches 0, so the slider can show *finite but wrong* a little earlier.",
        "zh": "每种损失首次出错的位置：只凭阈值的预测，对比滑块上第一个得到 nan、inf 或错误结果的缩放"
              "（*不精确*的小损失不算）。朴素算法在某个 "
              "$s o_j$ 越过上溢点、或 $\\hat y_y$ 舍入为 0 时失效；减去最大值的算法只在 "
              "$s(o_y - \\bar o)$ 越过下溢点时失效；log-sum-exp 只在 $s \\cdot o$ 本身溢出、"
              "或损失（至少为 $s(\\bar o - o_y)$）超过 {dtype} 的最大数时失效。"
              "预测只是近似：类型会先对 $s \\cdot o$ 舍入，而落在次正规数范围内的 $\\hat y_y$ "
              "在变成 0 之前就已丢失有效数字，所以滑块上可能稍早出现*有限但错误*。",
    },
    "so.col.pred_pos": {"en": "predicted, s > 0", "zh": "预测，s > 0"},
    "so.col.seen_pos": {"en": "seen on the slider, s > 0", "zh": "滑块上观察到，s > 0"},
    "so.col.pred_neg": {"en": "predicted, s < 0", "zh": "预测，s < 0"},
    "so.col.seen_neg": {"en": "seen on the slider, s < 0", "zh": "滑块上观察到，s < 0"},
    "so.never": {"en": "never", "zh": "不会"},
    "so.not_seen": {"en": "not within ±100000", "zh": "±100000 内未出现"},
    # ---- section 3 --------------------------------------------------------------------------
    "so.s3": {"en": "Gradients", "zh": "梯度"},
    "so.s3_text": {
        "en": "For cross-entropy on softmax, $\\partial \\ell / \\partial o_j = "
              "\\mathrm{{softmax}}(o)_j - \\mathbb{{1}}[j = y]$. Here autograd differentiates "
              "each method exactly as written, in {dtype}; the last column is the formula in "
              "float64.",
        "zh": "对 softmax 上的交叉熵，$\\partial \\ell / \\partial o_j = "
              "\\mathrm{{softmax}}(o)_j - \\mathbb{{1}}[j = y]$。这里 autograd 对每种算法按原样"
              "求导，计算类型为 {dtype}；最后一列是该公式在 float64 中的值。",
    },
    "so.col.grad": {"en": "∂ℓ/∂o_j, {method}", "zh": "∂ℓ/∂o_j，{method}"},
    "so.col.grad_ref": {"en": "softmax − one-hot (float64)", "zh": "softmax − 独热编码（float64）"},
    "so.grad_verdict": {
        "en": "**Gradients.** Naive: {naive} · max-subtracted: {stable} · log-sum-exp: {lse}",
        "zh": "**梯度。** 朴素：{naive} · 减去最大值：{stable} · log-sum-exp：{lse}",
    },
    "so.grad_legend": {
        "en": "A gradient is judged as the loss is: its true-class entry $\\hat y_y - 1$ "
              "within {tol} of the float64 one *relative* to it, every other entry within {tol} "
              "absolute; *imprecise* when only the true-class entry misses, by at most {tol} "
              "absolute. Here that entry is {grad} (log-sum-exp) against {grad_ref}: relative "
              "error {rel}.",
        "zh": "梯度的判法与损失相同：真实类别上的分量 $\\hat y_y - 1$ 与 float64 值的*相对*误差"
              "不超过 {tol}，其余分量的绝对误差不超过 {tol}；只有真实类别的分量超出、且绝对误差不超过 "
              "{tol} 时算*不精确*。这里该分量为 {grad}（log-sum-exp），float64 中为 {grad_ref}："
              "相对误差 {rel}。",
    },
    "so.grad_note": {
        "en": "The naive gradient can break **before** its loss does. Autograd's backward for "
              "the division $e_y / S$, with $S = \\sum_k \\exp(o_k)$, works with "
              "$\\hat y_y / S$. Since $S$ is huge long before it is inf, $\\hat y_y / S$ "
              "underflows to 0 while "
              "$\\hat y_y$ is still fine, and the gradient comes out 0 where it should be near 1, "
              "or nan. The max-subtracted gradient breaks when $\\hat y_y$ is so small that "
              "$1 / \\hat y_y$ overflows. The fused log-sum-exp gradient forms neither quotient: "
              "it is $\\mathrm{softmax}(o) - \\text{one-hot}(y)$, computed from "
              "$\\exp(o - \\bar o)$.",
        "zh": "朴素算法的梯度可能在损失**之前**就坏掉。autograd 对除法 $e_y / S$"
              "（$S = \\sum_k \\exp(o_k)$）做反向传播时要用到 $\\hat y_y / S$。由于 $S$ 远在变成 inf "
              "之前就已经巨大，于是 $\\hat y_y$ 还好好的，$\\hat y_y / S$ 却下溢为 0，"
              "本应接近 1 的梯度分量变成 0，或者变成 nan。减去最大值的算法，在 $\\hat y_y$ "
              "小到 $1 / \\hat y_y$ 上溢时梯度失效。融合的 log-sum-exp 两种商都不计算：它的梯度就是"
              "由 $\\exp(o - \\bar o)$ 算出的 $\\mathrm{softmax}(o) - \\text{one-hot}(y)$，"
              "即 softmax 减去 $y$ 的独热编码。",
    },
    # ---- section 4 --------------------------------------------------------------------------
    "so.s4": {"en": "What the classifier page uses, and why", "zh": "分类器页面用的是什么，为什么"},
    "so.s4_text": {
        "en": "`nn.CrossEntropyLoss` (and `F.cross_entropy`) takes **unnormalised logits** and "
              "computes the log-softmax inside with the log-sum-exp trick: the third column "
              "above. So the model ends in a plain `nn.Linear` with no softmax layer. Apply "
              "softmax only to *show* probabilities, never before the loss.",
        "zh": "`nn.CrossEntropyLoss`（以及 `F.cross_entropy`）接收的是**未规范化的预测**，"
              "并在内部用 log-sum-exp 技巧计算 log-softmax：也就是上面的第三列。所以模型以一个普通的 "
              "`nn.Linear` 结尾，不加 softmax 层。softmax 只用于*展示*概率，绝不要放在损失之前。",
    },
    "so.double": {
        "en": "If the model applied softmax anyway, the loss would treat probabilities in [0, 1] "
              "as logits. For your logits at this scale (float64): loss {wrong} instead of "
              "{right}, gradient norm {gw} instead of {gr}. Worse, that loss can never go below "
              "log(1 + (q − 1)/e) = {floor} for q = {n} classes, however sure the model is.",
        "zh": "如果模型还是先做了 softmax，损失函数就会把 [0, 1] 内的概率当成未规范化的预测。"
              "对当前缩放下你的 $o$（float64）：损失是 {wrong} 而不是 {right}，梯度范数是 {gw} "
              "而不是 {gr}。更糟的是，无论模型多么确信，对 q = {n} 个类别，这个损失都不可能低于 "
              "log(1 + (q − 1)/e) = {floor}。",
    },
    # ---- exercises ---------------------------------------------------------------------------
    "so.q1": {
        "en": "*Source: d2l 3.6, exercise 1 (English edition: 4.4, exercise 1.1–1.2).* "
              "We implemented softmax straight from its definition. What problems can that "
              "cause? (Hint: how large is $\\exp(50)$?)",
        "zh": "*出处：《动手学深度学习》（第二版）3.6 节练习 1。* "
              "我们直接按定义实现了 softmax。这会带来什么问题？（提示：$\\exp(50)$ 有多大？）",
    },
    "so.a1": {
        "en": "$\\exp(50) \\approx 5.2 \\times 10^{21}$ still fits in float32, but $\\exp(89)$ "
              "does not (float32 ends at $3.4 \\times 10^{38}$), and in float16 already "
              "$\\exp(12)$ is inf. One inf in the numerator makes the sum inf, and inf/inf is "
              "nan. The other way round, if every logit is very negative, every $\\exp$ "
              "rounds to 0 and softmax is 0/0 = nan. Even before that, the gradient of the "
              "naive formula breaks (see the gradient section).",
        "zh": "$\\exp(50) \\approx 5.2 \\times 10^{21}$ 在 float32 中还放得下，但 $\\exp(89)$ 就不行了"
              "（float32 的上限是 $3.4 \\times 10^{38}$），在 float16 中 $\\exp(12)$ 就已经是 inf。"
              "分子中出现一个 inf，分母的和就是 inf，而 inf/inf 是 nan。反过来，如果所有 $o_k$ 都非常负，"
              "每个 $\\exp$ 都舍入为 0，softmax 就成了 0/0 = nan。甚至在此之前，朴素公式的梯度就已经"
              "坏了（见“梯度”一节）。",
    },
    "so.q2": {
        "en": "*Source: d2l 3.6, exercise 2 (English edition: 4.4, exercise 2.4).* "
              "The cross-entropy was implemented from its definition, $-\\log \\hat y_y$. What "
              "could go wrong? (Hint: the domain of the logarithm.)",
        "zh": "*出处：《动手学深度学习》（第二版）3.6 节练习 2。* "
              "交叉熵是按定义 $-\\log \\hat y_y$ 实现的。可能出什么问题？（提示：对数的定义域。）",
    },
    "so.a2": {
        "en": "$\\log$ is defined on $(0, \\infty)$. A probability that is tiny but positive in "
              "exact arithmetic can round to exactly 0 (the underflow point of the dtype), and "
              "$-\\log 0 = \\infty$: the loss is inf and its gradient nan, and one such "
              "example spoils the mean of a whole minibatch. If $\\hat y$ already holds nan "
              "from an overflow, the log passes the nan on.",
        "zh": "$\\log$ 的定义域是 $(0, \\infty)$。一个在精确运算中很小但为正的概率，可能被舍入为恰好 0"
              "（该类型的下溢点），而 $-\\log 0 = \\infty$：损失为 inf，梯度为 nan，"
              "一个这样的样本就会毁掉整个小批量的平均损失。如果 $\\hat y$ 因为上溢已经含有 nan，"
              "对数会把 nan 继续传下去。",
    },
    "so.q3": {
        "en": "*Source: d2l 3.6, exercise 3 (English edition: 4.4, exercise 1.3).* "
              "What can you do to fix the two problems above?",
        "zh": "*出处：《动手学深度学习》（第二版）3.6 节练习 3。* "
              "怎样解决上面这两个问题？",
    },
    "so.a3": {
        "en": "Softmax does not change when every logit is shifted by the same constant, so "
              "subtract $\\bar o = \\max_k o_k$: the largest exp is $\\exp(0) = 1$ (no "
              "overflow) and the sum is at least 1 (no 0/0). Then never take the log of a "
              "rounded probability: $\\log \\hat y_j = o_j - \\bar o - \\log \\sum_k \\exp(o_k - "
              "\\bar o)$ (log-sum-exp), and the loss is $\\log \\sum_k \\exp(o_k) - o_y$. It is "
              "finite as long as the loss itself fits in the dtype, which it need not: in float16, "
              "$o = (60000, -60000)$ with $y = 1$ has a true loss of {big_ref}, beyond float16's "
              "largest number 65504, and float16 `F.cross_entropy` returns {big_torch}. A tiny "
              "loss has the opposite trouble, $\\log(1 + r)$ with a small $r$, and `log1p` "
              "(section 1) fixes it. In PyTorch: `F.cross_entropy` / `nn.CrossEntropyLoss` on "
              "logits, or `F.log_softmax` followed by `F.nll_loss`.",
        "zh": "所有 $o_k$ 同时加减同一个常数时 softmax 不变，所以减去 $\\bar o = \\max_k o_k$："
              "最大的 exp 是 $\\exp(0) = 1$（不会上溢），分母至少为 1（不会 0/0）。然后绝不对舍入后的"
              "概率取对数：$\\log \\hat y_j = o_j - \\bar o - \\log \\sum_k \\exp(o_k - \\bar o)$"
              "（log-sum-exp），损失就是 $\\log \\sum_k \\exp(o_k) - o_y$。只要损失本身在该类型的"
              "范围之内，它就是有限的；但并非总是如此：float16 中 $o = (60000, -60000)$、$y = 1$ 时，"
              "真实损失是 {big_ref}，超过了 float16 的最大数 65504，float16 的 `F.cross_entropy` "
              "给出 {big_torch}。损失很小时还要当心 $\\log(1 + r)$（$r$ 很小）丢掉的有效数字，"
              "见第 1 节的 `log1p`。在 PyTorch 中：对未规范化的预测直接使用 `F.cross_entropy` / "
              "`nn.CrossEntropyLoss`，"
              "或先 `F.log_softmax` 再 `F.nll_loss`。",
    },
    "so.q4": {
        "en": "*Source: d2l 3.6, exercise 4 (English edition: 4.4, exercise 3).* "
              "Is it always a good idea to return the most likely label? For example, would you "
              "do this for medical diagnosis?",
        "zh": "*出处：《动手学深度学习》（第二版）3.6 节练习 4。* "
              "总是返回最可能的标签是个好主意吗？比如，医学诊断也这样做吗？",
    },
    "so.a4": {
        "en": "Not when errors cost different amounts. The argmax minimises the expected number "
              "of mistakes (0-1 loss); a diagnosis should minimise the expected *cost*, "
              "$\\sum_y p(y \\mid x)\\, c(a, y)$ over the actions $a$. If missing a disease costs "
              "far more than a false alarm, you order the follow-up test as soon as "
              "$p(\\text{disease} \\mid x) > c_\\text{FP} / (c_\\text{FP} + c_\\text{FN})$, "
              "which can be well below 1/2. This needs calibrated probabilities, not just the "
              "ranking, and often an option to abstain and refer to a doctor.",
        "zh": "当不同错误的代价不同时就不是。argmax 最小化的是期望的出错次数（0-1 损失）；"
              "诊断应当最小化期望*代价* $\\sum_y p(y \\mid x)\\, c(a, y)$（对所有可选行动 $a$）。"
              "如果漏诊的代价远大于误报，那么只要 "
              "$p(\\text{disease} \\mid x) > c_\\text{FP} / (c_\\text{FP} + c_\\text{FN})$ "
              "就应安排进一步检查，这个阈值可以远低于 1/2。这需要校准良好的概率，而不只是排序，"
              "通常还需要“不下结论、转给医生”的选项。",
    },
    "so.q5": {
        "en": "*Source: d2l 3.6, exercise 5 (English edition: 4.4, exercise 4).* "
              "Suppose we use softmax regression to predict the next word from some features. "
              "What problems might a large vocabulary cause?",
        "zh": "*出处：《动手学深度学习》（第二版）3.6 节练习 5。* "
              "假设我们用 softmax 回归根据某些特征预测下一个词。词表很大时可能出现哪些问题？",
    },
    "so.a5": {
        "en": "The output layer has $d \\times |V|$ weights, and every example needs all $|V|$ "
              "logits and the normaliser $\\sum_k \\exp(o_k)$: time and memory grow with the "
              "vocabulary (100,000 words is 100,000 exps per example, per step). Most "
              "probabilities are tiny, so in low precision many round to 0, which is one more "
              "reason to stay in log space; and rare words get few training examples. Remedies: "
              "sampled softmax or negative sampling, hierarchical or adaptive softmax, and "
              "subword vocabularies.",
        "zh": "输出层有 $d \\times |V|$ 个权重，每个样本都要算出全部 $|V|$ 个未规范化的预测和规范化项 "
              "$\\sum_k \\exp(o_k)$：时间和内存随词表增长（10 万个词，就是每个样本每一步 10 万次 exp）。"
              "大多数概率都极小，在低精度下很多会舍入为 0，这又是一个留在对数空间的理由；"
              "而且罕见词的训练样本很少。对策：采样 softmax 或负采样、层次 softmax 或自适应 softmax，"
              "以及子词词表。",
    },
    "so.theory_link": {
        "en": "Where the cross-entropy and its gradient softmax(o) − y come from: Softmax regression",
        "zh": "交叉熵损失及其梯度 softmax(o) − y 从何而来：softmax 回归",
    },
}
