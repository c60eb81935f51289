"""Pseudonyms from a fixed bilingual list: an adjective and an animal, never typed text."""

ADJECTIVES = (
    ("Brave", "勇敢的"), ("Calm", "沉着的"), ("Clever", "聪明的"), ("Curious", "好奇的"),
    ("Eager", "热心的"), ("Gentle", "温和的"), ("Happy", "快乐的"), ("Honest", "诚实的"),
    ("Jolly", "开心的"), ("Kind", "善良的"), ("Lively", "活泼的"), ("Lucky", "幸运的"),
    ("Merry", "愉快的"), ("Mighty", "强壮的"), ("Nimble", "敏捷的"), ("Patient", "耐心的"),
    ("Polite", "礼貌的"), ("Proud", "自豪的"), ("Quick", "迅速的"), ("Quiet", "安静的"),
    ("Bright", "聪慧的"), ("Bold", "大胆的"), ("Cheerful", "爽朗的"), ("Steady", "稳重的"),
    ("Sunny", "阳光的"), ("Swift", "飞快的"), ("Tidy", "整洁的"), ("Wise", "睿智的"),
    ("Witty", "风趣的"), ("Zesty", "有劲的"), ("Friendly", "友好的"), ("Careful", "细心的"),
)
ANIMALS = (
    ("Otter", "水獭"), ("Panda", "熊猫"), ("Fox", "狐狸"), ("Owl", "猫头鹰"),
    ("Tiger", "老虎"), ("Dolphin", "海豚"), ("Koala", "考拉"), ("Penguin", "企鹅"),
    ("Rabbit", "兔子"), ("Squirrel", "松鼠"), ("Turtle", "乌龟"), ("Whale", "鲸鱼"),
    ("Zebra", "斑马"), ("Crane", "仙鹤"), ("Deer", "鹿"), ("Eagle", "老鹰"),
    ("Falcon", "猎鹰"), ("Giraffe", "长颈鹿"), ("Hedgehog", "刺猬"), ("Lion", "狮子"),
    ("Lynx", "猞猁"), ("Magpie", "喜鹊"), ("Monkey", "猴子"), ("Moose", "驼鹿"),
    ("Parrot", "鹦鹉"), ("Seal", "海豹"), ("Swan", "天鹅"), ("Yak", "牦牛"),
    ("Beaver", "河狸"), ("Camel", "骆驼"), ("Heron", "苍鹭"), ("Badger", "獾"),
)
COMBINATIONS = len(ADJECTIVES) * len(ANIMALS)


def pseudonym(adjective: int, animal: int, lang: str = "en") -> str:
    """'Brave Otter' / '勇敢的水獭' for the pair of indices (out of range: '?')."""
    if not (0 <= adjective < len(ADJECTIVES) and 0 <= animal < len(ANIMALS)):
        return "?"
    a, n = ADJECTIVES[adjective], ANIMALS[animal]
    return f"{a[1]}{n[1]}" if lang == "zh" else f"{a[0]} {n[0]}"
