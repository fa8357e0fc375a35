import numpy as np
import pytest

from conftest import ROOT, SHARED, labeled_lines
from detector import classify, clean
from detector.marker_dates import DATE_LINE
from detector.markers import marker_kind, marker_rows
from detector.pipeline import decide


@pytest.mark.parametrize("text", [
    "Advertisement", "ADVERTISEMENT", "- Advertisement -", "(Advertisement)", "Advertisement:", "Ad", "Ads",
    "Sponsored", "Sponsored Content", "Story continues below advertisement", "Anzeige", "- Anzeige -", "Werbung",
    "Advertentie", "Gesponsord", "Publicité", "Publicidad", "Publicidade", "Pubblicità", "Reklama", "Реклама",
    "На правах рекламы", "Reklam", "Sponsorlu İçerik", "広告", "广告", "[광고]", "Quảng cáo", "Được tài trợ", "Iklan",
    "โฆษณา", "विज्ञापन", "प्रायोजित", "إعلان", "תוכן ממומן", "  Annons  ", "sponsored ↓",
])
def test_lines_that_only_name_an_ad_slot_are_ad_labels(text):
    assert marker_kind(text) == "promo"


@pytest.mark.parametrize("text", [
    "Advertising", "Ad revenue fell 3% in the quarter.", "Anzeige erstattet", "Advertisement revenue",
    "The regulator banned the advertisement last week.", "Reklama w internecie rośnie", "Sponsors", "PR agency",
    "Advertisement " * 10,
])
def test_a_subheading_or_a_sentence_about_ads_is_not_an_ad_label(text):
    assert marker_kind(text) == ""


@pytest.mark.parametrize("text", [
    "Sign up now", "Book now", "Get tickets", "Request a demo", "👉 Open an account", "Jetzt Konto eröffnen",
    "Registreer nu »", "Ouvrir un compte",
    "Regístrate gratis", "Abra sua conta", "Otwórz rachunek", "Hesap aç", "Открыть счёт", "口座開設", "立即开户",
    "계좌 개설하기", "➡️ Đăng ký ngay", "Buka akun", "สมัครเลย", "अभी डाउनलोड करें", "ابدأ التداول",
])
def test_a_call_to_action_alone_on_its_line_is_promo(text):
    assert marker_kind(text) == "promo"


@pytest.mark.parametrize("text", [
    "Buy now",  # product reviews on the benchmark pages keep it as story
    "Sign up now for the conference, the organisers urged, before the early-bird price ends.",
    "How to open an account", "Open account numbers rose 12% in the quarter",
])
def test_a_sentence_or_a_heading_about_signing_up_is_no_call_to_action(text):
    assert marker_kind(text) == ""


@pytest.mark.parametrize("text", [
    "Read also: Ethereum's next upgrade slips to March", "READ MORE: Fed holds rates", "Related: Oil falls 3%",
    "Lees ook: Bitcoin daalt onder 60.000 dollar", "Lesen Sie auch: Die EZB senkt den Leitzins",
    "► Lire aussi : La BCE baisse ses taux", "Leia também: Bitcoin sobe 5%", "Читайте также: Курс биткоина",
    "Baca juga: Harga Bitcoin naik", "Xem thêm: Giá Bitcoin tăng", "อ่านเพิ่มเติม: ราคาบิทคอยน์",
    "यह भी पढ़ें: बिटकॉइन की कीमत", "اقرأ أيضاً: سعر البيتكوين", "関連記事：ビットコイン急落", "相关阅读：比特币价格",
])
def test_lines_that_introduce_a_link_to_another_story_are_lead_ins(text):
    assert marker_kind(text) == "boilerplate"


@pytest.mark.parametrize("text", [
    "Related", "Read more", "Lees ook:", "Recommended: Yes", "Price: $1,299", "Note: the figures are preliminary.",
    "The minister said: read also the fine print of the contract.", "Related party transactions: none",
])
def test_a_lead_in_needs_its_words_before_the_colon_and_a_link_after_it(text):
    assert marker_kind(text) == ""


@pytest.mark.parametrize("text, label", [
    ("Tags: Bitcoin, ETF, SEC", "boilerplate"), ("Schlagwörter: Krypto, Börse", "boilerplate"),
    ("Теги: биткоин, ETF", "boilerplate"), ("タグ：ビットコイン", "boilerplate"), ("Photo: Reuters", "boilerplate"),
    ("Foto: dpa", "boilerplate"), ("ภาพ: Shutterstock", "boilerplate"), ("Updated: 12 May 2025, 09:30", "boilerplate"),
    ("Veröffentlicht: 12.05.2025", "boilerplate"), ("By: Jane Doe", "bio"), ("Door: Sebastiaan Krijnen", "bio"),
    ("Автор: Иван Петров", "bio"), ("Penulis: Galih Permana", "bio"), ("كتب: يوسف الحربي - الرياض", "bio"),
    ("Lesezeit: 3 Minuten", "boilerplate"),
    ("Share: Facebook | X | LinkedIn", "boilerplate"), ("Folgen Sie uns: Telegram", "boilerplate"),
    ("हमें फॉलो करें: X | यूट्यूब | टेलीग्राम", "boilerplate"), ("شارك المقال: واتساب | فيسبوك", "boilerplate"),
    ("Trending: Stablecoins · ETF flows · Tax season", "boilerplate"),
    ("ट्रेंडिंग: बिटकॉइन | डिजिटल रुपया", "boilerplate"),
    ("ภาพประกอบ: หน้าจอแอปบนสมาร์ทโฟน", "boilerplate"), ("तस्वीर: मुंबई का एक मुद्रा विनिमय काउंटर", "boilerplate"),
    ("İlgili konular: mevduat, kampanya", "boilerplate"), ("کلیدواژه‌ها: اتریوم، بیت‌کوین", "boilerplate"),
    ("Okumaya devam edin: Kredi kartı aidatlarına yeni sınır", "boilerplate"),
    ("شارك عبر: لينكدإن | إكس", "boilerplate"), ("पढ़ने का समय: 4 मिनट", "boilerplate"),
])
def test_a_head_before_the_colon_names_tags_dates_shares_credits_and_bylines(text, label):
    assert marker_kind(text) == label


@pytest.mark.parametrize("text", [
    "Disclaimer: The information in this article is not financial advice.", "DISCLAIMER: Prices are indicative.",
    "Disclosure: The author holds bitcoin.", "Haftungsausschluss: Dieser Artikel ist keine Anlageberatung.",
    "Avertissement : cet article ne constitue pas un conseil en investissement.", "Aviso legal: no es asesoramiento.",
    "Отказ от ответственности: материал не является инвестиционной рекомендацией.", "免責事項：投資助言ではありません。",
    "免责声明：本文不构成投资建议。", "면책 조항: 투자 조언이 아닙니다.", "إخلاء مسؤولية: المحتوى لأغراض إعلامية فقط.",
    "डिस्क्लेमर: यह निवेश सलाह नहीं है।", "Yasal Uyarı: Yatırım tavsiyesi değildir.",
])
def test_a_site_disclaimer_under_its_head_is_boilerplate(text):
    assert marker_kind(text) == "boilerplate"


@pytest.mark.parametrize("text", [
    "Disclaimer", "The disclaimer: a court in Paris ruled that the broker's fine print did not protect it.",
    "This article is not financial advice.",  # no head: the model decides
])
def test_a_bare_disclaimer_head_or_the_word_inside_a_sentence_is_no_marker(text):
    assert marker_kind(text) == ""


@pytest.mark.parametrize("text", [
    "image: postgres:16",  # a credit holds no colon: this is code in a how-to
    "By: the end of the year, the company expects to have doubled its staff and opened three new offices",
    "Updated:", "Photo",
])
def test_a_credit_with_a_colon_a_long_byline_or_a_bare_head_is_no_marker(text):
    assert marker_kind(text) == ""


@pytest.mark.parametrize("text", [
    "An elephant helps clear a road in Barishal. Photo: Pavel Rahman",
    "Kunden in einer Filiale der Sparkasse (Foto: dpa)", "이창용 총재가 회의를 주재하고 있다. (사진=공동취재단)",
    "Khách hàng giao dịch vàng tại một cửa hàng. Ảnh: Tài Chính Sáng", "The trading floor | Image: Reuters",
    "ラピダスの千歳工場（写真：同社提供）",
    # the credit in brackets without a colon, or after "Photo by"
    "Bolt crosses the line in London, Sunday, Aug. 5, 2012. (AP Photo/Matt Slocum)",
    "Fans outside the stadium. (Thomas Coex/AFP/Getty Images)", "A reef off Cairns. (Anna Ling / Flickr)",
    "The governor speaks in Albany (Getty Images)", "A trail above the lake. Photo by Ana Ruiz on Unsplash",
    "The new model on a test track. Image by Tom Hale", "Die Börse in Frankfurt. Foto von Lena Kurz",
    # no credit, but where each person stands
    "Team owner Ted Leonsis, right, joins Alex Ovechkin during a news conference",
    "President Joe Biden, second from left, greets workers in Ohio",
    "Prime Minister Rishi Sunak, centre, visits a school",
    # a credit with initials or an abbreviation, a picture's kind in brackets
    "The regulator's seat in Paris. | Photo : Agence X / J. Marchand", "Jakarta. | Foto: Dok. Warta/Arif Setiawan",
    "The minister in Berlin (Archivfoto)", "Customers outside a bank branch. (file photo)",
])
def test_a_caption_that_ends_in_its_credit_is_boilerplate(text):
    assert marker_kind(text) == "boilerplate"


@pytest.mark.parametrize("text", [
    "Cost per Credit: In-State | $472",  # "Credit" inside a phrase, not after a sentence or a bracket
    "Best picture: Quiet Weather", "The photo shows the minister at the summit. It was taken on Monday.",
    "Docker Hardened Images: Security Independently Validated by SRLabs",
    # a story's sentence that ends in a source, a pair or a photo it talks about
    "The coalition was built on a shift to the right. (Reuters)", "Bitcoin fell 3% on the day (BTC/USD)",
    "The photo by Jane Smith won the prize.", "He said the picture by Banksy sold for $1m",
    "I went back to it, and I thought, Oh, right, the chemical plant.", "He said Paul swerved left, right, and braked.",
])
def test_a_line_with_a_credit_word_that_is_no_caption_credit_is_no_marker(text):
    assert marker_kind(text) == ""


@pytest.mark.parametrize("text", [
    "Reuters", "(AP)", "Getty Images", "THE ASSOCIATED PRESS", "Jamal Saidi/Reuters", "AFP/Getty Images",
    "REUTERS/Dado Ruvic/Illustration", "RJ Sangosti/Denver Post/AP Photo", "(Evan Vucci/AP)", "Anna de Wit / ANP",
])
def test_a_photo_credit_alone_on_its_line_is_boilerplate(text):
    assert marker_kind(text) == "boilerplate"


@pytest.mark.parametrize("text", [
    "AP/NORC poll shows split over tariffs",  # an agency, then words that are no name
    "BTC/USDT", "EUR/USD", "and/or",  # no agency
    "Bloomberg", "Flickr",  # a library or a news outlet alone may be a heading
    "Reuters reported the deal on Monday.", "Reuters/Ipsos poll: voters split",
])
def test_a_line_with_an_agency_or_a_slash_that_is_no_credit_is_no_marker(text):
    assert marker_kind(text) == ""


@pytest.mark.parametrize("text", [
    "Main article: Rust (programming language)", "Main articles: Government of New Zealand and Politics of New Zealand",
    "Hauptartikel: Geschichte Neuseelands", "Article détaillé : Histoire de la Nouvelle-Zélande",
    "Click to share on Twitter (Opens in new window)", "Click to email a link to a friend (Opens in new window)",
    "Klicken, um auf Facebook zu teilen (Wird in neuem Fenster geöffnet)",
    "Image caption Rescuers at the scene of the crash on Monday", "Image copyright Getty Images",
    "You are here: Home > News > Technology > Article", "Vous êtes ici : Accueil > Actualités",
    "Sie sind hier: Startseite / Wirtschaft", "You are here: Home / Startups / Yabbly raises cash",
])
def test_encyclopedia_pointers_new_window_buttons_picture_leads_and_trails_are_boilerplate(text):
    assert marker_kind(text) == "boilerplate"


@pytest.mark.parametrize("text", [
    "Image caption", "Image copyrights are a legal matter in many countries.",  # a lead alone; a sentence
    "The main article: a story of two cities",  # the head must open the line
    "You are here:",  # a head with nothing after it
    "The report (opens in new window) was published on Monday and names three banks that failed the test.",
])
def test_lines_that_only_look_like_pointers_buttons_or_picture_leads_are_no_marker(text):
    assert marker_kind(text) == ""


@pytest.mark.parametrize("text", ["Hide caption", "toggle caption", "Enlarge this image", "View gallery",
                                  "[ Back To The Top ]", "Loading...", "(link)", "Share", "PRINT", "Video  duration",
                                  "Back to top", "Nach oben", "[Reply]", "Flag as inappropriate", "Photos", "Videos",
                                  "Image 3 of 12", "Photo 3/12", "3 of 12", "* * *", "———", "»", "\u200d", "💡"])
def test_a_pages_control_a_slideshow_counter_or_a_line_of_no_letter_is_boilerplate(text):
    assert marker_kind(text) == "boilerplate"


COUNTERS = ["247 totale weergaven", "2.4K views", "Lượt xem: 2.418", "Переглядів: 2 156", "12 comments",
            "1.284 görüntülenme", "조회수 1,024", "1 comment", "27 Kommentare", "48 reacties", "9 commentaires",
            "152 comentarios", "31 komentarzy", "3 टिप्पणियां", "4 تعليقات", "12 bình luận", "댓글 5", "3 תגובות"]
NO_COUNTERS = ["In 2023 views changed", "Views: mixed", "12 comments on the bill were filed.",
               "3 Kommentare zur Lage der Nation"]


@pytest.mark.parametrize("text,label",
                         [(text, "boilerplate") for text in COUNTERS] + [(text, "") for text in NO_COUNTERS])
def test_a_counter_alone_on_its_line_is_boilerplate_a_line_that_counts_something_else_no_marker(text, label):
    assert marker_kind(text) == label


@pytest.mark.parametrize("text", ["Home › Crypto › Markets", "Accueil » Crypto » Arnaques", "Beranda › Analisis",
                                  "डिजिटल मुद्रा टाइम्स › नीति", "Home > News > Nation", "> Home > News",
                                  "Inicio > Tecnología", "الرئيسية » أسواق", "ホーム > 暮らし > ごみ・リサイクル"])
def test_a_breadcrumb_trail_is_boilerplate(text):
    assert marker_kind(text) == "boilerplate"


@pytest.mark.parametrize("text", [
    "MCV > 100", "Sushi > Pizza > Pasta", "Ethereum : la mise à jour « Pectra » repoussée",
    "»Wir bleiben dabei«, sagte er » und ging", "Prices rose. » More", "Home › " + "a very long section name " * 3,
    "Bitcoin » the rally that nobody saw coming in the spring of this year » analysis",
])
def test_a_line_with_an_arrow_that_is_no_trail_is_no_marker(text):
    assert marker_kind(text) == ""


@pytest.mark.parametrize("text", [
    "#Bitcoin #ETF #crypto", "#ทองคำ #ออมทอง #ราคาทองวันนี้", "BTC/USD 67,412.10 ▲1.2%", "ETH 2 110 $ ▼1,5%",
    "EGX30 ▲ 1.4% | الدولار 47.85 جنيه", "4 min read", "7 Min. Lesezeit", "5 phút đọc", "قراءة في 4 دقائق",
    "زمان مطالعه: ۴ دقیقه", "انتهای خبر/", "مشاركة", "Follow us on Google News", "Partager", "Drucken",
    "Add us as a preferred source on Google", "Folgen Sie uns auf Google News", "Google ニュースでフォロー",
    "Story continues below", "Escucha este artículo", "Watch: Scientists applaud the announcement 2:05", "VIDEO 4:05",
    "Vídeo: Como funciona uma SAF 1:58", "1 de 6", "1 sur 7", "Фото 1 из 7", "Gallery: 1 of 12",
])
def test_hashtags_a_ticker_a_reading_time_a_button_a_video_or_a_gallery_counter_alone_is_boilerplate(text):
    assert marker_kind(text) == "boilerplate"


@pytest.mark.parametrize("text", ["#1 in sales", "▲ 일반 법인: 2026년 이후 검토", "Prices fell 3% ▼ on Monday, traders said.",
                                  "30 minutes before bed", "2 minutes 30 seconds", "# install the dependencies",
                                  "Watch the game at 7:30", "Video games sold 3:1", "1 de 6 niños no va a la escuela"])
def test_one_hashtag_a_bullet_arrow_minutes_or_a_count_of_something_else_is_no_marker(text):
    assert marker_kind(text) == ""


@pytest.mark.parametrize("text", ["★★★★☆", "}", ");", "23/16", "1 / 8", "3 of the 12 banks failed",
                                  "Photos of the day"])
def test_stars_code_brackets_a_score_or_a_sentence_is_no_control_or_counter(text):
    assert marker_kind(text) == ""


@pytest.mark.parametrize("text", ["Top", "Up next", "Continue reading the main story", "Share prices fell",
                                  "Print edition sales rose for the first time in a decade."])
def test_a_control_some_gold_keeps_or_a_line_that_starts_like_one_is_no_marker(text):
    assert marker_kind(text) == ""


@pytest.mark.parametrize("text", [
    "By Dana Whitlock", "BY MIRIAM HOLTZ and PETER VANCE, Continental Press Writers", "Door Jan de Vries",
    "Por Laura Méndez", "Von Anna Schmidt | Redaktion Wirtschaft", "Par Claire Dubois - Correspondante",
    "by Ruth Adeyemi", "By Steve Carlow June 25, 2009", "By Haley Brandt • March 12, 2025",
    "By Henry Hall / Published 24th October 2017", "अनीता वर्मा द्वारा", "द्वारा: रमेश कुमार",
])
def test_a_byline_without_a_colon_is_bio(text):
    assert marker_kind(text) == "bio"


@pytest.mark.parametrize("text", ["About the Author", "About the author:", "Über den Autor", "Over de auteur",
                                  "Về tác giả", "关于作者", "عن الكاتب"])
def test_an_author_boxs_heading_alone_on_its_line_is_bio(text):
    assert marker_kind(text) == "bio"


@pytest.mark.parametrize("text", ["Author", "About the author's new book", "Over de auteur van het rapport"])
def test_a_line_that_only_starts_like_an_author_boxs_heading_is_no_marker(text):
    assert marker_kind(text) == ""


@pytest.mark.parametrize("text", [
    "By Monday, the deal was done.",  # a sentence, not a name
    "By The Numbers", "By March Both Sides Had Agreed",  # "The" and months are no first names
    "By Design",  # one capitalised word
    "by the end of the year", "By Friday 25 firms had signed.",
    "Von der Leyen warnt vor neuen Zöllen", "Di Maio attacca il governo",
    "By Jane Doe, who has covered the company since 2019, spoke to the chief executive.",  # longer than a byline
    "यह फैसला केंद्र सरकार द्वारा",  # four words before "द्वारा": no name
    "नियम सरकार द्वारा बदले गए।",  # "द्वारा" inside a sentence
])
def test_a_line_that_starts_like_a_byline_but_is_none_is_no_marker(text):
    assert marker_kind(text) == ""


def test_marker_rows_names_each_rows_label():
    rows = marker_rows(["Story.", "Anzeige", "Lees ook: Iets anders", "광고"])
    assert rows.tolist() == ["", "promo", "boilerplate", "promo"]
    assert marker_rows([]).tolist() == []


def _between_paragraphs():
    """Probabilities of a story paragraph, an ad label the context pulls to 0.4 junk, a doubtful line at
    0.7 junk after it, and a story paragraph (columns editorial, promo), and the lines' marker labels."""
    junk = np.array([0.05, 0.4, 0.7, 0.05])
    return np.column_stack([1 - junk, junk]), np.array(["", "promo", "", ""], dtype=object)


def test_decide_removes_a_marker_line_under_the_cut_and_nothing_around_it():
    proba, markers = _between_paragraphs()
    kept = decide(proba, ["editorial", "promo"], ["editorial"], 0.9, 0.6, markers=markers)[2]
    assert kept.tolist() == [True, False, True, True]  # the 0.7 line after it is no run of the label's
    assert decide(proba, ["editorial", "promo"], ["editorial"], 0.9, 0.6)[2].all()


def test_the_marker_rule_yields_to_its_confidence_to_a_kept_label_and_to_story_protection():
    proba, markers = _between_paragraphs()
    classes = ["editorial", "promo"]
    assert decide(proba, classes, ["editorial"], 0.9, 0.6, markers=markers, marker_confidence=1.0)[2].all()
    assert decide(proba, classes, ["editorial"], 0.9, 0.6, markers=markers, marker_confidence=0.5)[2].all()
    assert decide(proba, classes, ["editorial", "promo"], 0.9, 0.6, markers=markers)[2].all()
    alone = np.array([[0.95, 0.05]] * 4)  # stage one alone reads every line as story
    assert decide(proba, classes, ["editorial"], 0.9, 0.6, alone=alone, markers=markers)[2].all()
    # a lead-in names boilerplate: it goes unless boilerplate is kept
    lead_in = np.array(["", "boilerplate", "", ""], dtype=object)
    assert decide(proba, classes, ["editorial"], 0.9, 0.6, markers=lead_in)[2].tolist() == [True, False, True, True]
    assert decide(proba, classes, ["editorial", "boilerplate"], 0.9, 0.6, markers=lead_in)[2].all()


def test_a_marker_line_removed_under_the_cut_takes_the_label_its_marker_names():
    classes = ["boilerplate", "editorial", "promo"]
    # an ad label the model reads as boilerplate more than promo, and a tag line it is sure of as promo
    proba = np.array([[0.02, 0.95, 0.03], [0.30, 0.60, 0.10], [0.02, 0.03, 0.95], [0.02, 0.95, 0.03]])
    markers = np.array(["", "promo", "boilerplate", ""], dtype=object)
    labels, confidence, kept, _ = decide(proba, classes, ["editorial"], 0.9, 0.6, markers=markers)
    assert kept.tolist() == [True, False, False, True]
    assert labels.tolist() == ["editorial", "promo", "promo", "editorial"]  # the sure one keeps the model's label
    assert confidence.tolist() == [0.95, 0.10, 0.95, 0.95]
    # without the marker rule, or for a label the model does not have, the likeliest removed label
    assert decide(proba, classes, ["editorial"], 0.4, 0.4)[0].tolist()[1] == "boilerplate"
    labels = decide(proba, classes, ["editorial"], 0.9, 0.6, markers=np.array(["", "bio", "", ""], dtype=object))[0]
    assert labels.tolist() == ["editorial", "boilerplate", "promo", "editorial"]


def test_clean_drops_an_ad_label_between_story_paragraphs_in_languages_the_corpus_barely_has(default_model):
    story = ("ธนาคารแห่งประเทศไทยประกาศคงอัตราดอกเบี้ยนโยบายไว้ที่ร้อยละ 2.25 ตามที่นักวิเคราะห์ส่วนใหญ่คาดการณ์ไว้",
             "คณะกรรมการระบุว่าเศรษฐกิจยังฟื้นตัวอย่างค่อยเป็นค่อยไป และจะติดตามความเสี่ยงจากต่างประเทศอย่างใกล้ชิด")
    for label in ("โฆษณา", "विज्ञापन", "광고", "Advertisement"):
        page = f"{story[0]}\n{label}\n{story[1]}\n"
        assert clean(page, model=default_model) == f"{story[0]}\n{story[1]}\n"
        labeled = classify(page, model=default_model)
        assert [s.keep for s in labeled] == [True, False, True] and labeled[1].label == "promo"
    # the model alone keeps the Thai label there (measured: it keeps all four)
    page = f"{story[0]}\nโฆษณา\n{story[1]}\n"
    assert clean(page, model=default_model, marker_confidence=1.0) == page


def test_no_editorial_line_of_the_training_data_is_a_marker_line_but_three_changelog_dates():
    # data/, profiles/ and held_back/ (137,365 lines): 5,436 marker lines, all junk; with the bylines without a
    # colon ("By Dana Whitlock"), 6,565, still none editorial; with the date lines, 8,448, three of them
    # editorial: the release dates of a changelog ("September 30, 2026" over its list of changes) (2026-12-06);
    # with lines of no letter, gallery counters and more controls, 10,939, the same three editorial; with
    # lower-case bylines, counters and bracketed picture tags (ninth session), 11,509, the same three
    paths = [p for folder in ("data", "profiles", "held_back") for p in sorted((ROOT / folder).rglob("*.jsonl"))]
    marked = [(text, label) for text, label in labeled_lines(paths) if marker_kind(text)]
    story = [text for text, label in marked if label == "editorial"]
    assert len(marked) > 8000 and len(story) <= 3 and all(DATE_LINE.fullmatch(text) for text in story)


@pytest.mark.parametrize("text", [
    "March 22, 2017", "22 maart 2017", "Mon, 28 Oct 2019 14:05", "2017-03-22", "22.03.2017 | 09:41 UTC",
    "July 23, 2012, 7:28 p.m. ET", "2017年3月22日", "22 de marzo de 2017", "Dec 2, 2025 · 09:41 UTC",
    "October 16, 2012 at 1:50 am", "12. Mai 2024, 14:30 Uhr", "2024년 5월 12일", "22 марта 2017 г.",
    "12 października 2023", "5. března 2024", "22 Ekim 2023 14:30", "22 березня 2024 р.", "7 mei 2024",
    "Montag, 22. März 2024", "zaterdag 23 december 2023 16:05", "Miércoles, 6 de agosto de 2025",
    "ngày 22 tháng 3 năm 2017", "Thứ hai, 22/3/2017 14:30", "22 มี.ค. 2567 10:30 น.", "22 मार्च 2017",
    "الأربعاء، 22 مارس 2017", "22 آذار 2017", "22 Μαρτίου 2017", "2017. március 22.", "18 noiembrie 2026, 09:20",
])
def test_a_line_that_is_only_a_date_is_boilerplate(text):
    assert marker_kind(text) == "boilerplate"


@pytest.mark.parametrize("text", [
    "3 hours ago", "about 1 hour ago", "an hour ago", "· 2 days ago", "vor 14 Stunden", "vor einer Woche",
    "2 uur geleden", "Il y a 1 jour", "hace 2 días", "há 5 horas", "2 ore fa", "1 час назад", "3 дні тому",
    "5 minut temu", "2 saat önce", "3 jam yang lalu", "2 giờ trước", "3 ชั่วโมงที่แล้ว", "2 घंटे पहले", "منذ ساعتين",
    "1時間前", "3小时前", "3시간 전", "Updated 2h ago", "Published 1 day ago", "Aktualisiert vor 2 Stunden",
    "Mis à jour il y a 3 heures", "Atualizado há 2 horas",
])
def test_a_line_that_only_says_how_long_ago_is_boilerplate(text):
    assert marker_kind(text) == "boilerplate"


@pytest.mark.parametrize("text", [
    "Chicago", "3 hours ago the index fell", "vor allem", "Il y a des raisons", "hace falta", "Twenty years ago",
    "Mufasa", "Posted in Markets", "Updated guidance for 2026",
])
def test_a_line_about_the_past_that_is_no_time_stamp_is_no_marker(text):
    assert marker_kind(text) == ""


@pytest.mark.parametrize("text", [
    "8.6/10", "2.1.12", "March 2020", "In March 2017 the index fell.", "22 March 2017: the day the index fell",
    "1,800", "Q3 2024", "Mart ayında enflasyon yükseldi", "22 tháng 3", "2500 người tham dự", "Mai 2024",
    "Montag war ein guter Tag",
])
def test_a_score_a_version_or_a_sentence_with_a_date_is_no_date_line(text):
    assert marker_kind(text) == ""


def test_on_the_real_benchmark_pages_ad_labels_are_never_story_and_heads_rarely():
    # ../shared/data/real, both views (2026-12-06): 1,156 ad labels and calls to action, none editorial; 1,317
    # lines with a head or a credit at their end, 50 of them editorial in the gold: "Related: ...", "Read more:
    # ..." links inside the article, which LABELS.md calls boilerplate, four "Updated: <date> <link>" lines, two
    # "By: <name> | <date>" lines, three captions ending in "Photo: ..." or "- Image: ..." (twice in each view);
    # bylines without a colon make it 2,090 lines, 54 editorial: 4 more, one AP byline with its date, twice in
    # each view; date lines make it 4,740, 56 editorial (a blog post's date and time, twice). With all kinds
    # since: 8,246 lines, 72 editorial; of them 215 captions whose credit stands in brackets or after "Photo by"
    # (2026-12-06), 12 editorial: six captions the gold keeps (LABELS.md: boilerplate), each in both views; with
    # the ninth session's other kinds 13,135 lines, 102 editorial (24 underscore rules, "Reply", "Back to top" ...)
    paths = sorted((SHARED / "data" / "real").glob("*.jsonl"))
    if not paths:
        pytest.skip("../shared is not beside this clone")
    kinds = [(marker_kind(text), label) for text, label in labeled_lines(paths)]
    ad_labels = [label for kind, label in kinds if kind == "promo"]
    heads = [label for kind, label in kinds if kind in ("boilerplate", "bio")]
    assert len(ad_labels) > 1000 and "editorial" not in ad_labels
    assert len(heads) > 1200 and heads.count("editorial") <= 0.05 * len(heads)
