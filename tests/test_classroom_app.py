"""The class experiment through AppTest: a teacher and several students in one process,
the board, who may control a room, and every lesson page with a broken database."""

import json
import sqlite3

import pyarrow.ipc
import pytest
import sqlalchemy as sa

from classroom import store as db
from tests.conftest import PAGES, app_test, until_trained
from ui import classroom as room_ui
from ui import keys

TRAIN = {"linear_regression": "linear-regression.train", "softmax_classifier": "sc.train"}
SUBMIT = {"linear_regression": "_class.submit.linreg", "softmax_classifier": "_class.submit.classifier"}


@pytest.fixture
def database(tmp_path, monkeypatch):
    """A fresh SQLite file for the app, as D2L_CLASSROOM_DB names it."""
    path = tmp_path / "class.sqlite3"
    monkeypatch.setenv(room_ui.ENV_DB, str(path))
    return path


def datasets(at) -> list:
    return [pyarrow.ipc.open_stream(d.data.data).read_all().to_pandas()
            for el in at.get("vega_lite_chart") for d in el.proto.datasets]


def board_points(at):
    """The scatter's data: one row per run on the board."""
    found = [df for df in datasets(at) if {"lr", "value", "batch", "mine"} <= set(df.columns)]
    return found[0] if found else None


def metrics(at) -> dict[str, str]:
    return {m.label: m.value for m in at.metric}


def texts(at) -> str:
    return " ".join(str(e.value) for kind in ("warning", "success", "info", "caption", "markdown")
                    for e in at.get(kind))


def start_room(lang="en", lesson="linreg"):
    """A teacher opens the board page and starts a room about `lesson`."""
    teacher = app_test("class_board", lang).run()
    teacher.button_group(key="_class.new_lesson").set_value(lesson).run()
    teacher.button(key="_class.start_here").click().run()
    assert not teacher.exception
    assert len(metrics(teacher)) == 4
    code = teacher.session_state[room_ui.ROOM]
    assert db.valid_code(code)
    return teacher, code


def test_the_sidebar_starts_a_room_about_the_page_and_opens_its_board(database):
    at = app_test("linear_regression", "zh").run()
    at.button(key="_class.start").click().run()
    assert not at.exception
    assert "已加入" in metrics(at), "st.switch_page went to the board"
    code = at.session_state[room_ui.ROOM]
    assert any(c.value.endswith(f"/linear-regression?room={code}") for c in at.code)


def student_submits(code, page="linear_regression", lang="en", **params):
    at = app_test(page, lang, room=code, **params).run()
    assert not at.exception
    member = at.session_state[room_ui.MEMBER]
    assert member.name(lang) in texts(at), "the banner names the room and the pseudonym"
    until_trained(at.button(key=TRAIN[page]).click().run())
    at.button(key=SUBMIT[page]).click().run()
    assert not at.exception
    return at


def test_students_submissions_appear_on_the_teachers_board(database):
    teacher, code = start_room()
    assert "Runs" in metrics(teacher) and metrics(teacher)["Joined"] == "0"
    assert any(c.value.endswith(f"/linear-regression?room={code}") for c in teacher.code)
    assert len(teacher.get("image")) >= 2, "the QR code, beside the share popover's"

    a = student_submits(code, lr="0.01")
    assert "Submitted to room" in texts(a)
    assert board_points(a)["mine"].tolist() == [True], "the student's own point, ringed"
    b = student_submits(code, lr="0.3", batch="100")
    teacher.run()
    assert metrics(teacher)["Joined"] == "2" and metrics(teacher)["Submitted"] == "2"
    points = board_points(teacher)
    assert sorted(points["lr"]) == [0.01, 0.3] and sorted(points["batch"]) == [10, 100]
    assert not points["mine"].any()
    loss = b.session_state[keys.LR_RESULT].records[-1].loss
    assert points.loc[points["lr"] == 0.3, "value"].item() == pytest.approx(loss)

    b.button(key=SUBMIT["linear_regression"]).click().run()  # the same run again
    assert "already submitted" in texts(b) or "Too fast" in texts(b)
    teacher.run()
    assert metrics(teacher)["Runs"] == "2"

    b.button(key="_class.leave").click().run()
    assert not b.exception and room_ui.ROOM not in b.session_state
    assert SUBMIT["linear_regression"] not in [x.key for x in b.button], "no room, no button"


def test_a_student_cannot_pause_clear_or_close(database):
    teacher, code = start_room()
    student = student_submits(code)
    student.switch_page("pages/class_board.py").run()
    assert not student.exception
    assert board_points(student) is not None, "the student sees the board"
    for key in ("_class.pause", "_class.clear", "_class.close", "_class.csv"):
        assert key not in [b.key for b in student.button], key
    # a forged claim in the session changes nothing: the database checks the teacher
    student.session_state[room_ui.TEACHES] = {code: "forged-token"}
    student.run()
    student.button(key="_class.pause").click().run()
    assert "Only the room's teacher" in texts(student)
    student.button(key="_class.clear").click().run()
    teacher.run()
    assert metrics(teacher)["Status"] == "open" and metrics(teacher)["Runs"] == "1"

    teacher.button(key="_class.pause").click().run()
    assert metrics(teacher)["Status"] == "paused"
    other = app_test("linear_regression", room=code).run()
    until_trained(other.button(key=TRAIN["linear_regression"]).click().run())
    other.button(key=SUBMIT["linear_regression"]).click().run()
    assert "paused submissions" in texts(other)
    teacher.button(key="_class.pause").click().run()  # resume
    teacher.button(key="_class.clear").click().run()
    assert metrics(teacher)["Runs"] == "0" and board_points(teacher) is None
    teacher.button(key="_class.close").click().run()
    assert metrics(teacher)["Status"] == "closed"


def test_the_teacher_token_gives_another_browser_control(database):
    teacher, code = start_room()
    token = teacher.session_state[room_ui.NEW_TOKEN][1]
    projector = app_test("class_board", lecture="1").run()
    projector.session_state[room_ui.ROOM] = code
    projector.run()
    assert "_class.pause" not in [b.key for b in projector.button]
    projector.text_input(key="_class.token_input").input("wrong").run()
    projector.button(key="_class.token_check").click().run()
    assert "does not open this room" in texts(projector)
    projector.text_input(key="_class.token_input").input(token).run()
    projector.button(key="_class.token_check").click().run()
    assert not projector.exception
    projector.button(key="_class.pause").click().run()
    teacher.run()
    assert metrics(teacher)["Status"] == "paused"


def test_the_board_in_chinese_and_in_lecture_mode(database):
    teacher, code = start_room()
    token = teacher.session_state[room_ui.NEW_TOKEN][1]
    student = student_submits(code, lang="zh")
    assert "已提交到房间" in texts(student)
    projector = app_test("class_board", "zh", lecture="1").run()
    projector.session_state[room_ui.ROOM] = code
    projector.session_state[room_ui.TEACHES] = {code: token}
    projector.run()
    assert not projector.exception
    spec = json.loads(projector.get("vega_lite_chart")[0].proto.spec)
    assert "已加入" in metrics(projector) and "学习率" in json.dumps(spec, ensure_ascii=False)
    assert board_points(projector) is not None
    assert [e.label for e in projector.main.expander] == ["学生从这里加入", "老师的操作"], \
        "lecture mode: the board first, the join code and the controls folded"


@pytest.mark.usefixtures("fmnist")
def test_a_classifier_run_reaches_a_classifier_room(database):
    teacher, code = start_room()
    teacher.button_group(key=f"_class.lesson.{code}").set_value("classifier").run()
    assert db.Store(sa.create_engine(f"sqlite:///{database}")).room(code).lesson == "classifier"
    student = student_submits(code, "softmax_classifier", epochs="1", bs="2048", lr="0.3")
    assert "Submitted to room" in texts(student)
    teacher.run()
    points = board_points(teacher)
    acc = student.session_state["sc.result"].history[-1].test_acc
    assert points["value"].tolist() == pytest.approx([acc])


def test_a_link_with_a_malformed_room_code_joins_nothing(database):
    at = app_test("linear_regression", room="<img src=x onerror=alert(1)>").run()
    assert not at.exception
    assert room_ui.MEMBER not in at.session_state and room_ui.ROOM not in at.session_state
    assert not database.exists(), "nothing was even opened"


# ---- faults: the board and the button say what is wrong, the lessons keep working ------

def corrupt(path, monkeypatch):
    bad = path.parent / "corrupt.sqlite3"
    bad.write_bytes(b"not a database " * 200)
    monkeypatch.setenv(room_ui.ENV_DB, str(bad))


def missing(path, monkeypatch):
    monkeypatch.setenv(room_ui.ENV_DB, str(path.parent / "no-such-folder" / "class.sqlite3"))


def unwritable(path, monkeypatch):
    """Read-only, as a file the app's user may not write (chmod does not stop root)."""
    db.Store(sa.create_engine(f"sqlite:///{path}")).ensure_schema()
    monkeypatch.setattr(room_ui, "sqlite_url", lambda: f"sqlite:///file:{path}?mode=ro&uri=true")


def locked(path, monkeypatch):
    db.Store(sa.create_engine(f"sqlite:///{path}")).ensure_schema()
    holder = sqlite3.connect(path, isolation_level=None, check_same_thread=False)
    holder.execute("BEGIN EXCLUSIVE")
    return holder


FAULTS = {"corrupt": (corrupt, "damaged"), "missing": (missing, "does not exist"),
          "unwritable": (unwritable, "cannot be written"), "locked": (locked, "locked by")}


@pytest.fixture(params=sorted(FAULTS))
def fault(request, database, monkeypatch):
    """A function that breaks the app's database one way, and the words the page must say."""
    make, words = FAULTS[request.param]
    monkeypatch.setattr(room_ui, "LIMITS", db.Limits(busy_timeout=0.2))
    holders = []
    yield (lambda: holders.append(make(database, monkeypatch))), words
    for holder in filter(None, holders):
        holder.execute("ROLLBACK")
        holder.close()


def test_every_lesson_page_works_with_a_broken_database(fault):
    breaks, words = fault
    breaks()
    for page in PAGES:
        at = app_test(page, room="ABCDEFGH").run()
        assert not at.exception, page
        assert at.title, page
        assert room_ui.MEMBER not in at.session_state
    board = app_test("class_board").run()
    assert not board.exception
    board.button(key="_class.start_here").click().run()
    assert not board.exception
    assert words in texts(board), texts(board)


def test_the_submit_button_says_what_is_wrong(fault):
    breaks, words = fault
    teacher, code = start_room()
    student = app_test("linear_regression", room=code).run()
    until_trained(student.button(key=TRAIN["linear_regression"]).click().run())
    breaks()  # after the student joined: the database fails during the lesson
    student.button(key=SUBMIT["linear_regression"]).click().run()
    assert not student.exception
    assert words in texts(student), texts(student)
    assert student.get("vega_lite_chart"), "the lesson's charts are still drawn"
    teacher.run()
    assert not teacher.exception
    assert words in texts(teacher), "the teacher's board says it too"
    if words in ("locked by", "cannot be written"):  # reading still works: the board shows
        assert metrics(teacher)["Joined"] == "1"


# ---- where the database lives ----------------------------------------------------------

def test_the_default_database_is_a_per_user_sqlite_file_in_wal_mode(tmp_path, monkeypatch):
    monkeypatch.delenv(room_ui.ENV_DB, raising=False)
    monkeypatch.setenv("XDG_DATA_HOME", str(tmp_path / "data"))
    start_room()
    path = tmp_path / "data" / "d2l-linear-networks" / "classroom.sqlite3"
    with sqlite3.connect(path) as raw:
        assert raw.execute("PRAGMA journal_mode").fetchone()[0] == "wal"
        assert raw.execute("SELECT count(*) FROM classroom_rooms").fetchone()[0] == 1


def test_a_url_in_secrets_replaces_the_sqlite_file(database, tmp_path):
    other = tmp_path / "from-secrets.sqlite3"
    at = app_test("class_board")
    at.secrets["connections"] = {"classroom": {"url": f"sqlite:///{other}"}}
    at.run()
    at.button(key="_class.start_here").click().run()
    assert not at.exception and len(metrics(at)) == 4, texts(at)
    assert other.exists() and not database.exists()


@pytest.mark.parametrize("lang", ["en", "zh"])
@pytest.mark.parametrize("lecture", ["0", "1"])
def test_the_board_page_without_a_room(database, lang, lecture):
    at = app_test("class_board", lang, lecture=lecture).run()
    assert not at.exception
    assert at.title[0].value == ("Class experiment" if lang == "en" else "全班实验")
    for lesson in ("linreg", "classifier"):
        at.button_group(key="_class.new_lesson").set_value(lesson).run()
        assert not at.exception
    assert not database.exists(), "looking at the page creates nothing"
