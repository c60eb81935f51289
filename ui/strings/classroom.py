"""Strings of the class experiment: the sidebar entry, the submit panel and the board page."""

STRINGS: dict[str, dict[str, str]] = {
    "nav.class_board": {"en": "Class experiment board", "zh": "全班实验看板"},
    "cl.sidebar": {"en": "Class experiment", "zh": "全班实验"},
    "cl.sidebar_help": {
        "en": "Every student trains with their own learning rate and batch size; the projector "
              "shows the whole room's results live.",
        "zh": "每位学生用自己的学习率和批量大小训练，投影仪上实时显示全班的结果。",
    },
    "cl.lesson.linreg": {"en": "Linear regression", "zh": "线性回归"},
    "cl.lesson.classifier": {"en": "Softmax classifier", "zh": "softmax 分类器"},
    "cl.start": {"en": "Start a class experiment", "zh": "开始全班实验"},
    "cl.open_board": {"en": "Open the board", "zh": "打开看板"},
    "cl.teaching": {"en": "You run room {code}.", "zh": "你是房间 {code} 的老师。"},
    "cl.banner": {
        "en": "Class experiment · room {code} · you are {name}",
        "zh": "全班实验 · 房间 {code} · 你的代号：{name}",
    },
    "cl.leave": {"en": "Leave the room", "zh": "离开房间"},
    "cl.title": {"en": "Class experiment", "zh": "全班实验"},
    "cl.intro": {
        "en": "A teacher starts a room; students open the link or scan the code, train on the "
              "linear regression or softmax classifier page and submit their run. This board "
              "shows every run of the room as it arrives.",
        "zh": "老师开一个房间；学生打开链接或扫描二维码，在线性回归或 softmax 分类器页面训练后提交"
              "自己的结果。本看板实时显示房间里的每一次训练。",
    },
    "cl.no_room": {
        "en": "You are not in a room. Start one below, or open a student link.",
        "zh": "你还不在任何房间里。可以在下面开一个房间，或打开学生链接加入。",
    },
    "cl.lesson_pick": {"en": "The room's lesson", "zh": "房间的课程"},
    "cl.join": {"en": "Students join here", "zh": "学生从这里加入"},
    "cl.qr_alt": {"en": "QR code of the room's link {url}", "zh": "房间链接 {url} 的二维码"},
    "cl.token": {
        "en": "The teacher token gives another browser — the projector's — the controls. "
              "It is never shown on this board: download it, or show it here when nobody "
              "watches the screen.",
        "zh": "凭教师口令，另一个浏览器（例如投影仪上的）也能操作本房间。口令不会显示在看板上："
              "请下载保存，或在无人看屏幕时再显示。",
    },
    "cl.token_download": {"en": "Download the teacher token", "zh": "下载教师口令"},
    "cl.token_file": {"en": "Teacher token of class room {code} (keep it private):",
                      "zh": "全班实验房间 {code} 的教师口令（请勿外传）："},
    "cl.token_show": {"en": "Show the token on this screen", "zh": "在本屏幕上显示口令"},
    "cl.token_kept": {
        "en": "This browser started the room and stays its teacher across reloads (a cookie "
              "keeps a random id). The token was offered when the room was started.",
        "zh": "本浏览器开设了该房间，刷新后仍是老师（cookie 中保存着一个随机编号）。教师口令在开设"
              "房间时已提供。",
    },
    "cl.token_enter": {"en": "I am this room's teacher", "zh": "我是本房间的老师"},
    "cl.token_input": {"en": "Teacher token", "zh": "教师口令"},
    "cl.token_check": {"en": "Take control", "zh": "接管房间"},
    "cl.token_wrong": {"en": "That token does not open this room.", "zh": "口令与本房间不符。"},
    "cl.joined": {"en": "Joined", "zh": "已加入"},
    "cl.submitted": {"en": "Submitted", "zh": "已提交"},
    "cl.runs": {"en": "Runs", "zh": "训练次数"},
    "cl.status": {"en": "Status", "zh": "状态"},
    "cl.status.open": {"en": "open", "zh": "开放"},
    "cl.status.paused": {"en": "paused", "zh": "已暂停"},
    "cl.status.closed": {"en": "closed", "zh": "已关闭"},
    "cl.controls": {"en": "The teacher's controls", "zh": "老师的操作"},
    "cl.pause": {"en": "Pause submissions", "zh": "暂停提交"},
    "cl.resume": {"en": "Resume submissions", "zh": "恢复提交"},
    "cl.clear": {"en": "Clear all results", "zh": "清空所有结果"},
    "cl.clear_confirm": {"en": "Yes, delete every submission", "zh": "确定，删除全部提交"},
    "cl.close": {"en": "Close the room", "zh": "关闭房间"},
    "cl.close_confirm": {"en": "Yes, close it for good", "zh": "确定，永久关闭"},
    "cl.csv": {"en": "Download all results (CSV)", "zh": "下载全部结果（CSV）"},
    "cl.members": {"en": "Members ({count})", "zh": "成员（{count}）"},
    "cl.members_none": {"en": "Nobody has joined yet.", "zh": "还没有人加入。"},
    "cl.member_line": {"en": "{name} · {runs} {runs:run|runs} · {same} on the same network",
                       "zh": "{name} · 提交 {runs} 次 · 同一网络 {same} 人"},
    "cl.remove_pick": {"en": "Remove members (a flood, say): their runs go too, and their "
                             "browsers cannot join again",
                       "zh": "移除成员（例如刷屏者）：其结果一并删除，其浏览器不能再加入"},
    "cl.remove": {"en": "Remove", "zh": "移除"},
    "cl.done.lesson": {"en": "The room is now about: {what}.", "zh": "房间的课程已改为：{what}。"},
    "cl.done.status": {"en": "The room is now {what}.", "zh": "房间现在{what}。"},
    "cl.done.clear": {"en": "Every submission was deleted.", "zh": "所有提交已删除。"},
    "cl.done.remove": {"en": "{what} {what:member|members} removed.", "zh": "已移除 {what} 名成员。"},
    "cl.sqlite_note": {
        "en": "The runs are kept in a SQLite file on this server. On Streamlit Community Cloud a "
              "reboot deletes it, with every room: configure a PostgreSQL URL (README).",
        "zh": "结果保存在本服务器上的 SQLite 文件中。在 Streamlit Community Cloud 上，重启会删除它"
              "和所有房间：请配置 PostgreSQL 的 URL（见 README）。",
    },
    "cl.health": {
        "en": "A write to the class database failed {seconds} s ago: {reason}",
        "zh": "{seconds} 秒前写入全班实验数据库失败：{reason}",
    },
    "cl.expires": {"en": "The room and its results are deleted {hours} h after it was started.",
                   "zh": "房间及其结果将在创建 {hours} 小时后删除。"},
    "cl.empty": {"en": "No run submitted yet. The board updates by itself.",
                 "zh": "还没有人提交。看板会自动更新。"},
    "cl.scatter_title.test_acc": {"en": "Final test accuracy against the learning rate",
                                  "zh": "最终测试精度与学习率"},
    "cl.scatter_title.loss": {"en": "Final loss against the learning rate",
                              "zh": "最终损失与学习率"},
    "cl.metric.test_acc": {"en": "test accuracy", "zh": "测试精度"},
    "cl.metric.loss": {"en": "loss", "zh": "损失"},
    "cl.lr": {"en": "learning rate", "zh": "学习率"},
    "cl.batch": {"en": "batch size", "zh": "批量大小"},
    "cl.epochs": {"en": "epochs", "zh": "迭代周期数"},
    "cl.epoch": {"en": "epoch", "zh": "迭代周期"},
    "cl.count": {"en": "runs", "zh": "次数"},
    "cl.log_loss": {"en": "final loss (log scale)", "zh": "最终损失（对数刻度）"},
    "cl.who": {"en": "student", "zh": "学生"},
    "cl.book": {"en": "the book's defaults", "zh": "书中的默认设置"},
    "cl.you": {"en": "you", "zh": "你"},
    "cl.distribution": {"en": "How the room's results are spread", "zh": "全班结果的分布"},
    "cl.median": {"en": "Median {metric}: {value}", "zh": "{metric}中位数：{value}"},
    "cl.best_worst": {"en": "The best and the worst run, epoch by epoch",
                      "zh": "最好与最差的一次训练，逐个迭代周期"},
    "cl.best": {"en": "best: {name} (lr {lr}, batch {bs})",
                "zh": "最好：{name}（学习率 {lr}，批量 {bs}）"},
    "cl.worst": {"en": "worst: {name} (lr {lr}, batch {bs})",
                 "zh": "最差：{name}（学习率 {lr}，批量 {bs}）"},
    "cl.submit": {"en": "Submit to the class", "zh": "提交给全班"},
    "cl.submit_help": {
        "en": "Sends this run — implementation, learning rate, batch size, epochs, seed, "
              "the curves, the time per epoch and the device — to room {code}.",
        "zh": "把这次训练（实现方式、学习率、批量大小、迭代周期数、随机种子、曲线、每个迭代周期的"
              "时间和设备）发送到房间 {code}。",
    },
    "cl.sent": {"en": "Submitted to room {code}. Your point is the ringed one.",
                "zh": "已提交到房间 {code}。带圆圈的点就是你的。"},
    "cl.not_complete": {"en": "Only a completed run can be submitted.",
                        "zh": "只能提交完整训练完的结果。"},
    "cl.small_board": {"en": "Room {code}: {runs} {runs:run|runs} so far", "zh": "房间 {code}：目前 {runs} 次训练"},
    "cl.bad_link": {"en": "The link's room code is not valid; nothing was joined.",
                    "zh": "链接中的房间号无效，未加入任何房间。"},
    # why a request was refused
    "cl.why.no_room": {"en": "This room does not exist or has expired.",
                       "zh": "该房间不存在或已过期。"},
    "cl.why.closed": {"en": "The teacher has closed this room.", "zh": "老师已关闭该房间。"},
    "cl.why.paused": {"en": "The teacher has paused submissions; try again in a moment.",
                      "zh": "老师暂停了提交，请稍后再试。"},
    "cl.why.other_lesson": {"en": "This room is about another lesson: {lesson}.",
                            "zh": "该房间的课程是另一个：{lesson}。"},
    "cl.why.not_member": {"en": "You are not a member of this room; open its link again.",
                          "zh": "你不是该房间的成员，请重新打开房间链接。"},
    "cl.why.members_cap": {"en": "This room is full.", "zh": "该房间已满。"},
    "cl.why.submissions_cap": {"en": "This room has reached its limit of runs.",
                               "zh": "该房间的提交次数已达上限。"},
    "cl.why.member_cap": {"en": "You have reached the limit of runs per student.",
                          "zh": "你的提交次数已达每位学生的上限。"},
    "cl.why.rate": {"en": "Too fast: wait two seconds between submissions.",
                    "zh": "太快了：两次提交之间请等两秒。"},
    "cl.why.removed": {"en": "The teacher has removed you from this room.",
                       "zh": "老师已将你移出该房间。"},
    "cl.why.address_cap": {"en": "Too many members of this room come from your network.",
                           "zh": "该房间中来自你所在网络的成员太多了。"},
    "cl.why.unexpected": {"en": "The class experiment failed here; the lesson works as usual. "
                                "Try again in a moment.",
                          "zh": "全班实验在这里出错了；课程页面照常可用。请稍后再试。"},
    "cl.why.duplicate": {"en": "You have already submitted this run.", "zh": "这次训练你已经提交过了。"},
    "cl.why.rooms_rate": {"en": "Too many rooms started from this browser in the last hour.",
                          "zh": "这个浏览器在过去一小时内开的房间太多了。"},
    "cl.why.not_teacher": {"en": "Only the room's teacher can do that.", "zh": "只有本房间的老师才能这样做。"},
    "cl.why.lesson": {"en": "Unknown lesson.", "zh": "未知的课程。"},
    "cl.why.status": {"en": "Unknown status.", "zh": "未知的状态。"},
    "cl.why.invalid": {"en": "This run cannot be submitted: the value “{field}” is not one the "
                             "page allows.",
                       "zh": "这次训练不能提交：“{field}”的取值超出了页面允许的范围。"},
    # what is wrong with the database: plain words; the detail goes to the server's log
    "cl.db.unwritable": {
        "en": "The class database cannot be written, so runs are not stored now. The lessons "
              "work as usual; the server's log says which file.",
        "zh": "全班实验的数据库无法写入，现在提交的结果不会被保存。课程页面照常可用；服务器日志中"
              "写明了是哪个文件。",
    },
    "cl.db.locked": {
        "en": "The class database is busy (locked by another program); runs are not stored "
              "now. The lessons work as usual; try again in a moment.",
        "zh": "全班实验的数据库正忙（被另一个程序锁住），现在提交的结果不会被保存。课程页面照常可用；"
              "请稍后再试。",
    },
    "cl.db.missing": {
        "en": "The class database's folder does not exist. The lessons work as usual; the "
              "server's log names the folder to create (or set D2L_CLASSROOM_DB).",
        "zh": "全班实验数据库所在的文件夹不存在。课程页面照常可用；服务器日志中写明了要创建的文件夹"
              "（或设置 D2L_CLASSROOM_DB）。",
    },
    "cl.db.corrupt": {
        "en": "The class database is damaged. The lessons work as usual; move the file away "
              "(the server's log names it) and a new one is made.",
        "zh": "全班实验的数据库已损坏。课程页面照常可用；把该文件移走（服务器日志中写明了文件名），"
              "应用会新建一个。",
    },
    "cl.db.full": {
        "en": "The class database's disk is full: runs are not stored now. The lessons work "
              "as usual; free some space on the server.",
        "zh": "全班实验数据库所在的磁盘已满，现在提交的结果不会被保存。课程页面照常可用；"
              "请在服务器上腾出空间。",
    },
    "cl.db.moved": {
        "en": "The class database file was deleted, moved or replaced while the app was "
              "running: runs are not stored now (they would be lost at the next restart). Put "
              "the file back, or restart the app to start afresh.",
        "zh": "应用运行期间，全班实验的数据库文件被删除、移动或替换了：现在提交的结果不会被保存"
              "（下次重启时会丢失）。请把文件放回原处，或重启应用重新开始。",
    },
    "cl.db.newer": {
        "en": "The class database was made by a newer version of this app; it is left "
              "untouched. Update the app.",
        "zh": "全班实验的数据库由更新版本的应用创建，未做任何改动。请更新应用。",
    },
    "cl.db.unavailable": {
        "en": "The class database cannot be reached. The lessons work as usual.",
        "zh": "无法连接全班实验的数据库。课程页面照常可用。",
    },
}
