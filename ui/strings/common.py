"""Strings shared by the router, the sidebar, the URL state and the data loader."""

STRINGS: dict[str, dict[str, str]] = {
    "nav.home": {"en": "Home", "zh": "首页"},
    "nav.normal_mse": {"en": "Normal distribution & squared loss", "zh": "正态分布与平方损失"},
    "nav.softmax_overflow": {"en": "Softmax overflow", "zh": "softmax 的上溢与下溢"},
    "nav.loss_comparison": {"en": "Loss comparison: L1, L2, Huber", "zh": "损失函数比较：L1、L2、Huber"},
    "nav.linear_regression": {"en": "Linear regression training", "zh": "线性回归训练"},
    "nav.softmax_classifier": {"en": "Softmax classifier", "zh": "softmax 分类器"},
    "nav.softmax_regression": {"en": "Softmax regression", "zh": "softmax 回归"},
    "sb.seed": {"en": "Random seed", "zh": "随机种子"},
    "sb.seed_help": {
        "en": "The same seed gives the same data, the same initial weights and the same curves.",
        "zh": "相同的种子给出相同的数据、相同的初始权重和相同的曲线。",
    },
    "sb.lecture": {"en": "Lecture mode", "zh": "讲课模式"},
    "sb.lecture_help": {
        "en": "For a projector: larger type, Back / Next fixed at the bottom for a clicker's "
              "keys, code folded away.",
        "zh": "用于投影：更大的字号，上一节 / 下一节固定在屏幕底部，可用翻页笔的按键，代码折叠。",
    },
    "sb.whole": {"en": "Whole page", "zh": "整页显示"},
    "sb.whole_help": {
        "en": "Every section of a lesson at once, to read it through, search it or print it. "
              "Off, a lesson shows one section at a time and opens faster.",
        "zh": "一次显示本课的所有小节，便于通读、搜索或打印。关闭时每次只显示一节，页面打开更快。",
    },
    "export": {"en": "Export", "zh": "导出"},
    "share.title": {"en": "Share this view", "zh": "分享此视图"},
    "share.help": {
        "en": "Students scan the code to open this page with the same settings. On a hosted "
              "app or a classroom network, set D2L_BASE_URL to the address students can reach.",
        "zh": "学生扫描二维码即可打开相同设置的本页。若应用部署在服务器或教室网络中，"
              "请把 D2L_BASE_URL 设为学生能访问的地址。",
    },
    "share.qr_alt": {"en": "QR code of the link {url}", "zh": "链接 {url} 的二维码"},
    "show_code": {"en": "The code that runs", "zh": "实际运行的代码"},
    "reveal": {"en": "Show the answer", "zh": "显示答案"},
    "exercises": {"en": "Questions to think about", "zh": "思考题"},
    "url.unknown": {
        "en": "Ignored the unknown link parameter “{name}”.",
        "zh": "已忽略未知的链接参数“{name}”。",
    },
    "url.bad_value": {
        "en": "Ignored the link parameter {name}={value}: not a valid value here.",
        "zh": "已忽略链接参数 {name}={value}：此处不是有效的取值。",
    },
    "data.missing": {
        "en": "Fashion-MNIST was not found (looked for `{path}`). To fix it, do one of these: "
              "install Debian's package (`sudo apt-get install dataset-fashion-mnist`); "
              "or set the environment variable `{env}` to a directory that holds the four IDX "
              "files; or go online, so the app can download it.",
        "zh": "未找到 Fashion-MNIST（查找了 `{path}`）。解决办法任选其一：安装 Debian 软件包"
              "（`sudo apt-get install dataset-fashion-mnist`）；或将环境变量 `{env}` 设为存放四个 "
              "IDX 文件的目录；或联网，让应用自动下载。",
    },
    "data.unreadable": {
        "en": "The file `{path}` cannot be read ({detail}). Check that the user running the app "
              "may read it.",
        "zh": "无法读取文件 `{path}`（{detail}）。请检查运行应用的用户是否有读取权限。",
    },
    "data.damaged": {
        "en": "The file `{path}` is damaged ({detail}). Reinstall it "
              "(`sudo apt-get install --reinstall dataset-fashion-mnist`), or replace it with a good "
              "copy in the directory named by `{env}`.",
        "zh": "文件 `{path}` 已损坏（{detail}）。请重新安装"
              "（`sudo apt-get install --reinstall dataset-fashion-mnist`），或在 `{env}` "
              "指定的目录中换上完好的副本。",
    },
    "data.download": {
        "en": "Fashion-MNIST is not on this machine and the download failed ({detail}). Install "
              "`dataset-fashion-mnist` with apt, or set `{env}` to a directory with the four IDX files.",
        "zh": "本机没有 Fashion-MNIST，下载也失败了（{detail}）。请用 apt 安装 `dataset-fashion-mnist`，"
              "或将 `{env}` 设为存放四个 IDX 文件的目录。",
    },
    "data.why.corrupt": {"en": "not a valid gzip file", "zh": "不是有效的 gzip 文件"},
    "data.why.magic": {"en": "wrong magic number", "zh": "魔数不对"},
    "data.why.count": {"en": "wrong number of items", "zh": "条目数不对"},
    "data.why.length": {"en": "wrong length: truncated or padded", "zh": "长度不对：被截断或多出数据"},
    "data.why.checksum": {"en": "checksum mismatch", "zh": "校验和不符"},
    # ---- hardening (issue 14) ----
    "url.unknown_many": {
        "en": "Ignored {count} unknown link parameters: {names}.",
        "zh": "已忽略 {count} 个未知的链接参数：{names}。",
    },
    "url.and_more": {"en": " and {count} more", "zh": " 等另外 {count} 个"},
    "app.page_failed": {
        "en": "Something went wrong on this page. Change a setting or reload the page; "
              "the details were written to the server's log.",
        "zh": "本页出了点问题。请更改设置或刷新页面；详细信息已记录在服务器日志中。",
    },
    "share.too_long": {
        "en": "No QR code: this link is {n} characters long, more than a QR code can hold "
              "(about {limit}). Copy the link above, or return some settings to their defaults "
              "to shorten it.",
        "zh": "无法生成二维码：此链接长 {n} 个字符，超过了二维码的容量（约 {limit} 个）。"
              "请复制上面的链接，或把部分设置恢复为默认值以缩短链接。",
    },
    "upload.bad_shape": {
        "en": "The image is too long or too narrow: at most {side} pixels a side, and the long "
              "side at most {aspect} times the short one. Please crop it around the garment.",
        "zh": "图像太长或太窄：每边最多 {side} 像素，且长边最多是短边的 {aspect} 倍。"
              "请围绕衣物裁剪后再上传。",
    },
    "data.source": {
        "en": "Fashion-MNIST read from `{path}` ({why}).",
        "zh": "Fashion-MNIST 读取自 `{path}`（{why}）。",
    },
    "data.why_env": {"en": "the directory named by {env}", "zh": "{env} 指定的目录"},
    "data.why_debian": {"en": "Debian's package dataset-fashion-mnist",
                        "zh": "Debian 软件包 dataset-fashion-mnist"},
    "data.why_cache": {"en": "the app's download cache", "zh": "应用的下载缓存"},
    "data.why_fallback": {
        "en": "{env} is set to `{wanted}`, but `{file}` is not there; the app uses this "
              "copy instead",
        "zh": "{env} 设为 `{wanted}`，但那里没有 `{file}`；应用改用这份副本",
    },
    "data.unreadable_dir": {
        "en": "The directory `{path}` cannot be read ({detail}). Check that the user running the "
              "app may enter it, or point `{env}` at a readable copy.",
        "zh": "无法读取目录 `{path}`（{detail}）。请检查运行应用的用户是否有权进入该目录，"
              "或将 `{env}` 指向一份可读的副本。",
    },
    "work.too_much": {
        "en": "This run would take {steps:,} SGD steps ({epochs} {epochs:epoch|epochs} × "
              "{per_epoch:,} {per_epoch:minibatch|minibatches} of {bs}); one run may take at "
              "most {limit:,}, so that one click cannot hold a shared server's CPU for a "
              "minute. Choose fewer epochs or a larger batch: at batch size {bs}, up to "
              "{max_epochs} {max_epochs:epoch|epochs}.",
        "zh": "这次训练需要 {steps:,} 步 SGD（{epochs} 个迭代周期 × 每个周期 {per_epoch:,} 个"
              "大小为 {bs} 的小批量）；每次训练最多 {limit:,} 步，以免一次点击就占用共享服务器"
              "一分钟的 CPU。请减少迭代周期数或增大批量：批量大小为 {bs} 时，最多 {max_epochs} "
              "个迭代周期。",
    },
    # ---- the training queue and the room's shared runs (issue 24) ----
    "queue.waiting": {
        "en": "{ahead} {ahead:run|runs} ahead of yours, about {seconds} s. Your curves start when your run "
              "starts; the rest of the page works meanwhile.",
        "zh": "你前面还有 {ahead} 次训练，约 {seconds} 秒。你的训练一开始，曲线就会出现；"
              "在此期间页面其余部分照常可用。",
    },
    "queue.waiting_next": {
        "en": "Yours is next, in about {seconds} s: {running} {running:run is|runs are} training "
              "on this server's {slots} {slots:core|cores}.",
        "zh": "下一个就是你，约 {seconds} 秒后开始：服务器的 {slots} 个核心上正在进行 "
              "{running} 次训练。",
    },
    "queue.waiting_unknown": {
        "en": "{ahead} {ahead:run|runs} ahead of yours ({running} training on this server's "
              "{slots} {slots:core|cores}); the estimate comes after the first run.",
        "zh": "你前面还有 {ahead} 次训练（服务器的 {slots} 个核心上正在进行 {running} 次）；"
              "第一次训练结束后才能给出预计时间。",
    },
    "queue.joined": {
        "en": "Someone in the room asked for this exact run a moment ago: you watch the same "
              "training, computed once for both of you.",
        "zh": "房间里有人刚刚请求了完全相同的训练：你看到的是同一次训练，只为你们计算一次。",
    },
    "queue.shared": {
        "en": "This exact run (same implementation, hyperparameters, seed, device and PyTorch) "
              "was computed for the room {ago} s ago; it is replayed here epoch by epoch, and "
              "it is identical to the last digit to a run of your own.",
        "zh": "这次训练（相同的实现、超参数、随机种子、设备和 PyTorch 版本）已在 {ago} 秒前"
              "为整个房间计算过；这里按迭代周期逐个重放，结果与你自己训练的逐位相同。",
    },
    "queue.failed": {
        "en": "This run failed on the server (the details were written to its log). Press "
              "Train to try again.",
        "zh": "这次训练在服务器上失败了（详细信息已记录在日志中）。请按“训练”重试。",
    },
    "queue.stopped": {
        "en": "This run was given up before it finished. Press Train to start it again.",
        "zh": "这次训练在完成之前被放弃了。请按“训练”重新开始。",
    },
    "queue.gone_unseen": {
        "en": "This run was given up before it finished: the server heard nothing from this "
              "page for minutes (a tab left in the background, or a computer that "
              "slept). Press Train to queue it again.",
        "zh": "这次训练在完成之前被放弃了：服务器几分钟都没有收到这个页面的消息（标签页一直在后台，"
              "或电脑进入了睡眠）。请按“训练”重新排队。",
    },
    "queue.gone_closed": {
        "en": "This run was given up before it finished: this page lost its connection to "
              "the server for more than {seconds} s. Press Train to queue it again.",
        "zh": "这次训练在完成之前被放弃了：这个页面与服务器断开连接超过 {seconds} 秒。"
              "请按“训练”重新排队。",
    },
    # ---- lecture hall (issue 16) ----
    "share.project": {"en": "Project this QR", "zh": "投影此二维码"},
    "share.project_title": {"en": "Scan to open this view", "zh": "扫码打开此视图"},
    "share.localhost": {
        "en": "Students cannot open this link: it points to this computer ({host}). Start the "
              "app with `--server.address 0.0.0.0` and open it by the computer's network "
              "address, or set D2L_BASE_URL to the address students can reach.",
        "zh": "学生无法打开此链接：它指向本机（{host}）。请用 `--server.address 0.0.0.0` 启动应用，"
              "并通过本机的网络地址打开，或把 D2L_BASE_URL 设为学生能访问的地址。",
    },
    "chart.scroll_hint": {"en": "↔ Swipe sideways to see the whole chart.",
                          "zh": "↔ 左右滑动可查看整张图。"},
    "lesson.contents": {"en": "Sections of this lesson", "zh": "本课的小节"},
    "lesson.contents_help": {
        "en": "One section at a time. The sidebar's Whole page switch shows them all at once.",
        "zh": "每次显示一节。侧边栏的“整页显示”开关可一次显示所有小节。",
    },
    "lesson.keys": {"en": "→ / ← · PageDown / PageUp · Space", "zh": "→ / ← · PageDown / PageUp · 空格"},
}


# ---- the glossary: the Chinese interface speaks the book's language ------------------------------
#
# 《动手学深度学习》(2nd ed.) is what the students read beside this app. Every Chinese string uses
# its terms; tests/test_glossary.py fails when one uses a term of the right-hand column outside
# code (`…`) or a formula ($…$, $$…$$).
#
# | concept             | the book's term                                        | not                      |
# |---------------------|--------------------------------------------------------|--------------------------|
# | epoch               | 迭代周期                                                | 轮次, 轮, "epoch"         |
# | accuracy            | 精度 (分类精度)                                          | 准确率                    |
# | logits / o          | 未规范化的预测（logit） on first use on a page, then      | bare "logits" in prose,  |
# |                     | 未规范化的预测 or o                                      | 未归一化, 未规范化(的)输出 |
# | one-hot             | 独热编码                                                | onehot, one-hot          |
# | analytic solution   | 解析解                                                  | 闭式解 (闭式)             |
# | maximum likelihood  | 极大似然估计 (as in 3.1), one term throughout             | 最大似然                  |
#
# Also the book's: 小批量随机梯度下降, 交叉熵损失, 信息量/惊异, 熵, 全连接层, 超参数, 验证集.

LOGIT_FIRST_USE = "未规范化的预测（logit）"

# (concept, the book's term, forbidden patterns as regular expressions over Chinese prose)
GLOSSARY: tuple[tuple[str, str, tuple[str, ...]], ...] = (
    ("epoch", "迭代周期", (
        "轮次",
        "(?<![齿车滚年])轮(?![廓流换询胎子盘])",  # 轮 as a count of passes; 轮廓, 齿轮 ... are fine
        "(?<![A-Za-z_])[Ee]pochs?(?![A-Za-z_])",
    )),
    ("accuracy", "精度", ("准确率",)),
    ("logit", LOGIT_FIRST_USE, (
        "(?<!未规范化的预测（)(?<![A-Za-z_])[Ll]ogits?(?![A-Za-z_])",
        "未归一化",
        "未规范化的?输出",
    )),
    ("one-hot", "独热编码", ("(?i)one-?hot",)),
    ("analytic solution", "解析解", ("闭式",)),
    ("maximum likelihood", "极大似然估计", ("最大似然",)),
)
