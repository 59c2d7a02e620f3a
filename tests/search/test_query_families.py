"""What each kind of query finds first: numbers as journalists say them, a citizen's few
words, a lawyer's whole question. Runs on the embedded engine, and on Elasticsearch when set."""

import datetime

from portal.core.text import fold
from search.requests import SearchRequest

from .conftest import article, legal, procedure


def first(engine, text, **kwargs):
    hit = engine.search(SearchRequest(text=text, **kwargs)).hits[0]
    return hit.id if hit.article is None else f"{hit.id}#{hit.article}"


def typed(doc_type):
    return {"doc_type": [(doc_type, doc_type)]}


def legal_article(number, doc_type, title, article_number, text):
    entry = article(number, title, article_number, text)
    entry.facets = typed(doc_type)
    return entry


def documents(*rows):
    return [
        legal(number, title, date=datetime.date.fromisoformat(issued), facets=typed(doc_type))
        for number, doc_type, title, issued in rows
    ]


def test_type_word_and_bare_number_find_the_document(engine):
    engine.index(
        documents(
            ("269/2025/NĐ-CP", "Nghị định", "Phát triển đô thị thông minh", "2025-10-10"),
            ("20/2025/TT-BTP", "Thông tư", "Hướng dẫn Nghị định 269 về hộ tịch", "2025-11-01"),
            ("269/QĐ-TTg", "Quyết định", "Phê duyệt đề án", "2025-03-01"),
        )
    )
    for text in ("nghị định 269", "nghi dinh 269", "nđ 269", "nd so 269", "NĐ 269"):
        assert first(engine, text) == "269/2025/NĐ-CP", text
    # The type decides between documents of the same number; it never loses the number.
    assert first(engine, "quyết định số 269") == "269/QĐ-TTg"
    assert first(engine, "thông tư 269") in {"269/2025/NĐ-CP", "269/QĐ-TTg"}


def test_number_with_and_without_its_year(engine):
    engine.index(
        documents(
            ("111/2024/TT-BTC", "Thông tư", "Quy định về phí", "2024-12-01"),
            ("111/2025/TT-BTC", "Thông tư", "Sửa đổi quy định về phí", "2025-11-20"),
            ("111/2025/NĐ-CP", "Nghị định", "Quy định về thuế", "2025-05-01"),
        )
    )
    for text in ("tt 111 năm 2025", "thong tu 111/2025", "tt 111 2025", "thông tư số 111"):
        assert first(engine, text) == "111/2025/TT-BTC", text
    for text in ("tt 111 năm 2024", "thong tu 111/2024"):
        assert first(engine, text) == "111/2024/TT-BTC", text
    assert first(engine, "thông tư 106/2025/TT-BTC".replace("106", "111")) == "111/2025/TT-BTC"


def test_number_with_issuer_code_in_spaces_or_dashes(engine):
    engine.index(
        documents(
            ("21/2025/TT-BTC", "Thông tư", "Quy định về kế toán", "2025-09-01"),
            ("21/2025/TT-BTP", "Thông tư", "Quy định về hộ tịch", "2025-08-01"),
            ("2317/QĐ-TTg", "Quyết định", "Phê duyệt quy hoạch", "2025-10-20"),
            ("2317/QĐ-UBND", "Quyết định", "Công bố thủ tục", "2025-10-21"),
        )
    )
    for text in ("21 TT BTP", "21 tt-btp", "21/tt-btp", "thong tu 21 btp"):
        assert first(engine, text) == "21/2025/TT-BTP", text
    for text in ("2317 QĐ TTg", "2317 qd ttg", "quyet dinh 2317 ttg"):
        assert first(engine, text) == "2317/QĐ-TTg", text


def test_official_letter_found_by_its_type_word(engine):
    engine.index(
        documents(
            ("10127/BTC-CST", "Công văn", "Về chính sách thuế", "2025-08-01"),
            ("10127/QĐ-UBND", "Quyết định", "Về đất đai", "2024-08-01"),
        )
    )
    for text in ("công văn 10127", "cv so 10127", "cong van 10127"):
        assert first(engine, text) == "10127/BTC-CST", text


def test_procedure_code_with_words_or_without_its_dot(engine):
    engine.index(
        [procedure("1.004194", "Đăng ký tạm trú"), procedure("1.004222", "Đăng ký thường trú")]
    )
    for text in ("thủ tục 1.004194", "1004194", "ma thu tuc 1.004194"):
        assert first(engine, text) == "1.004194", text


def test_a_document_comes_before_its_articles_for_its_number(engine):
    engine.index(
        [
            legal("68/2020/QH14", "Luật Cư trú", facets=typed("Luật")),
            article("68/2020/QH14", "Luật Cư trú", "1", "Phạm vi điều chỉnh"),
        ]
    )
    assert first(engine, "luật 68/2020") == "68/2020/QH14"


def test_long_question_finds_the_article_that_answers_it(engine):
    engine.index(
        [
            article(
                "73/2021/QH14",
                "Luật Phòng, chống ma túy",
                "32",
                (
                    "Người nghiện ma túy từ đủ 18 tuổi trở lên được đưa đến cơ sở cai nghiện "
                    "bắt buộc."
                ),
            ),
            # An article that holds the question's boilerplate, not its meaning.
            article(
                "1/2020/QH14",
                "Luật Khác",
                "3",
                (
                    "Theo quy định thì có phải là người được hay không, đúng hay sai, khi nào và "
                    "bao nhiêu thì phải theo quy định."
                ),
            ),
        ]
    )
    question = (
        "Có phải theo quy định thì người nghiện ma túy từ đủ 18 tuổi bị đưa vào cơ sở cai "
        "nghiện bắt buộc hay không, đúng hay sai?"
    )
    assert first(engine, question) == "73/2021/QH14#32"
    assert first(engine, fold(question)) == "73/2021/QH14#32"


# Sentences of a law that share no word with the question below: they make an article long.
UNRELATED_SENTENCES = (
    "Nhà nước bảo hộ quyền và lợi ích hợp pháp của các bên. Cơ quan có thẩm quyền hướng dẫn "
    "trình tự, thủ tục thực hiện theo quy định của Chính phủ. Việc thanh tra, kiểm tra được thực "
    "hiện định kỳ hằng năm. Tổ chức, cá nhân vi phạm thì tùy theo tính chất, mức độ vi phạm mà bị "
    "xử lý kỷ luật, xử phạt vi phạm hành chính hoặc bị truy cứu trách nhiệm hình sự. "
)


def test_a_question_prefers_the_article_holding_its_words_in_order(engine):
    """BM25 alone ranks a short article repeating "giấy chứng nhận" and "chuyển nhượng" above the
    long one that says what the question asks, in its words."""
    engine.index(
        [
            article(
                "31/2024/QH15",
                "Luật Đất đai",
                "45",
                "Người sử dụng đất được thực hiện quyền chuyển nhượng quyền sử dụng đất khi có "
                "Giấy chứng nhận, đất không có tranh chấp và trong thời hạn sử dụng đất. "
                + UNRELATED_SENTENCES
                * 4,
            ),
            article(
                "31/2024/QH15",
                "Luật Đất đai",
                "3",
                "Giấy chứng nhận quyền sử dụng đất là chứng thư pháp lý. Giấy chứng nhận được cấp "
                "cho người có quyền sử dụng đất. Chuyển nhượng là việc chuyển giao; chuyển "
                "nhượng phải đăng ký.",
            ),
            article("31/2024/QH15", "Luật Đất đai", "10", UNRELATED_SENTENCES),
            article("45/2013/QH13", "Luật Đất đai", "12", "Người sử dụng đất có quyền chung."),
        ]
    )
    question = (
        "Người sử dụng đất chỉ được chuyển nhượng quyền sử dụng đất khi đã có Giấy chứng nhận, "
        "đúng hay sai?"
    )
    for text in (question, fold(question)):
        assert first(engine, text) == "31/2024/QH15#45"
        whole = [hit.article for hit in engine.search(SearchRequest(text=text)).hits]
        # The pages of a reordered question follow on from each other.
        pages = [
            hit.article
            for page in (1, 2, 3)
            for hit in engine.search(SearchRequest(text=text, page=page, page_size=1)).hits
        ]
        assert pages == whole[:3]


def test_procedure_outranks_articles_that_mention_its_name(engine):
    law = "Luật Cư trú"
    engine.index(
        [
            procedure("1.004194", "Đăng ký tạm trú", popularity=100),
            article(
                "68/2020/QH14",
                law,
                "27",
                "Đăng ký tạm trú. Điều kiện đăng ký tạm trú: "
                "công dân đăng ký tạm trú khi đến sinh sống, đăng ký tạm trú trực tuyến.",
            ),
            article("68/2020/QH14", law, "28", "Đăng ký tạm trú: hồ sơ đăng ký tạm trú."),
        ]
    )
    for text in ("đăng ký tạm trú", "dang ky tam tru", "Đăng ký tạm trú"):
        assert first(engine, text) == "1.004194", text


def test_a_question_prefers_the_law_and_the_newer_of_two_alike(engine):
    text = (
        "Công dân có chỗ ở hợp pháp thuộc quyền sở hữu của mình thì được đăng ký thường trú "
        "tại chỗ ở hợp pháp đó."
    )
    old, circular, new = (
        legal_article("81/2006/QH11", "Luật", "Luật Cư trú", "19", text),
        legal_article("55/2021/TT-BCA", "Thông tư", "Hướng dẫn Luật Cư trú", "4", text),
        legal_article("68/2020/QH14", "Luật", "Luật Cư trú", "20", text),
    )
    engine.index([old, circular, new])
    question = "Công dân có chỗ ở hợp pháp của mình được đăng ký thường trú tại đó, đúng hay sai?"
    assert first(engine, question) == "68/2020/QH14#20"


def test_year_alone_names_a_law_rather_than_a_number(engine):
    engine.index(
        documents(
            ("31/2024/QH15", "Luật", "Luật Đất đai", "2024-01-18"),
            ("2024/QĐ-UBND", "Quyết định", "Về việc giao đất", "2024-05-01"),
        )
    )
    assert first(engine, "luat dat dai 2024") == "31/2024/QH15"


def test_a_look_up_lists_the_number_not_every_text_naming_its_type(engine):
    engine.index(
        documents(
            ("269/2025/NĐ-CP", "Nghị định", "Phát triển đô thị thông minh", "2025-10-10"),
            ("12/2025/NĐ-CP", "Nghị định", "Nghị định về đất đai", "2025-01-10"),
            ("13/2025/NĐ-CP", "Nghị định", "Nghị định về nước", "2025-01-11"),
        )
    )
    result = engine.search(SearchRequest(text="nđ 269"))
    assert [hit.id for hit in result.hits] == ["269/2025/NĐ-CP"]
    assert result.total == 1
