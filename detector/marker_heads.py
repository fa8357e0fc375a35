"""Heads before a colon that name what the rest of their line is, per language: a link to another story, a
tag list, a date, share buttons or a photo credit (boilerplate), a byline (bio); and bylines without a colon."""

from __future__ import annotations

import re

from .marker_credits import CREDIT_WORDS
from .marker_dates import ENGLISH_MONTHS, ENGLISH_WEEKDAYS
from .marker_keys import normal

HEAD_MAX_CHARS = 30  # the longest head is 29 characters before its colon
BYLINE_MAX_CHARS = 60  # after "By:" a name or two, not a sentence
# Heads, matched against what stands before a line's first colon; the line must go on after it.
_LINK_HEADS = (
    "read also", "also read", "read more", "read more about", "see also", "related", "related article",
    "related articles", "related story", "related stories", "lees ook", "lees meer", "lesen sie auch",
    "auch interessant", "mehr zum thema", "lire aussi", "à lire aussi", "a lire aussi", "lee también",
    "lea también", "leia também", "leia mais", "veja também", "leggi anche", "czytaj też", "czytaj także",
    "zobacz też", "zobacz także", "čtěte také", "läs också", "läs även", "les også", "læs også", "lue myös",
    "citește și", "διαβάστε επίσης", "ayrıca okuyun", "ayrıca oku", "читайте также", "читайте також",
    "関連記事", "あわせて読みたい", "相关阅读", "相關閱讀", "延伸阅读", "延伸閱讀", "관련기사", "관련 기사",
    "xem thêm", "đọc thêm", "baca juga", "อ่านเพิ่มเติม", "อ่านต่อ", "यह भी पढ़ें", "ये भी पढ़ें",
    "इसे भी पढ़ें", "اقرأ أيضا", "اقرأ أيضاً", "اقرأ المزيد", "بیشتر بخوانید", "קראו גם", "קרא גם",
    "okumaya devam edin", "devamını oku",
    "see more",
    # an encyclopedia's pointer to the article on a section's subject ("Main article: Rust (programming language)")
    "main article", "main articles", "further information", "hauptartikel", "hoofdartikel", "article détaillé",
    "articles détaillés", "artículo principal", "artigo principal", "voce principale", "osobny artykuł",
    "основная статья", "основна стаття",
    # a breadcrumb trail's lead-in ("You are here: Home > News > Article")
    "you are here", "sie sind hier", "u bent hier", "je bent hier", "vous êtes ici", "usted está aquí",
    "está aquí", "você está aqui", "está aqui", "ti trovi in", "sei qui", "jesteś tutaj", "jesteś w", "вы здесь",
    "ви тут", "buradasınız",
)
_TAG_HEADS = (
    "tags", "tag", "tagged", "tagged with", "topics", "keywords", "schlagwörter", "schlagworte", "stichwörter",
    "themen", "trefwoorden", "onderwerpen", "étiquettes", "mots-clés", "mots clés", "sujets", "etiquetas", "temas",
    "palabras clave", "tópicos", "palavras-chave", "argomenti", "parole chiave", "tagi", "tematy",
    "słowa kluczowe", "štítky", "taggar", "etiketler", "anahtar kelimeler", "теги", "метки", "ключевые слова",
    "теґи", "タグ", "キーワード", "标签", "標籤", "关键词", "태그", "키워드", "thẻ", "từ khóa", "แท็ก", "คำค้น",
    "टैग", "टैग्स", "الوسوم", "الكلمات المفتاحية", "برچسب‌ها", "תגיות",
    "trending", "trending topics", "ट्रेंडिंग", "thịnh hành", "الأكثر تداولا", "مواضيع ذات صلة", "كلمات مفتاحية",
    "الكلمات الدالة", "کلیدواژه‌ها", "کلیدواژه", "ilgili konular", "İlgili konular",
)
_DATE_HEADS = (  # dates and reading times
    "reading time", "lesezeit", "leestijd", "temps de lecture", "tiempo de lectura", "tempo de leitura",
    "tempo di lettura", "czas czytania", "время чтения", "okuma süresi", "published", "updated", "last updated",
    "posted", "posted on", "veröffentlicht", "aktualisiert",
    "gepubliceerd", "bijgewerkt", "laatst bijgewerkt", "publié", "publié le", "mis à jour", "publicado",
    "actualizado", "atualizado", "pubblicato", "aggiornato", "opublikowano", "aktualizacja", "zveřejněno",
    "publicerad", "uppdaterad", "yayınlanma", "güncelleme", "опубликовано", "обновлено", "опубліковано",
    "оновлено", "公開日", "更新日", "投稿日", "发布时间", "更新时间", "發佈時間", "게시", "입력", "수정", "đăng",
    "cập nhật", "diterbitkan", "diperbarui", "เผยแพร่", "อัปเดต", "प्रकाशित", "अपडेटेड", "نشر في", "تاريخ النشر",
    "تم التحديث", "منتشر شده", "פורסם", "עודכן", "पढ़ने का समय", "وقت القراءة", "زمان مطالعه", "เวลาอ่าน",
    "thời gian đọc", "waktu baca", "読了時間", "阅读时间", "閱讀時間", "읽는 시간", "זמן קריאה", "час читання",
)
_SHARE_HEADS = (
    "share", "share this", "share this article", "share on", "follow us", "teilen", "folgen sie uns", "delen",
    "volg ons", "partager", "suivez-nous", "compartir", "síguenos", "compartilhar", "siga-nos", "condividi",
    "seguici", "udostępnij", "obserwuj nas", "поделиться", "подписывайтесь", "paylaş", "bizi takip edin",
    "シェア", "分享", "关注我们", "공유", "chia sẻ", "bagikan", "ikuti kami", "แชร์", "शेयर करें", "شارك", "تابعونا",
    "share this story", "share this post", "teile diesen artikel", "deel dit artikel", "partagez cet article",
    "comparte este artículo", "compartilhe", "condividi questo articolo", "поделиться статьей", "поділитися",
    "підписуйтесь", "分享到", "分享至", "フォローする", "공유하기", "chia sẻ bài viết",
    "theo dõi chúng tôi", "bagikan artikel ini", "ติดตามเรา", "แชร์บทความนี้", "इस खबर को शेयर करें",
    "इस ख़बर को शेयर करें", "हमें फॉलो करें", "फॉलो करें", "شارك المقال", "شارك هذا المقال", "تابعنا",
    "اشتراک‌گذاری", "ما را دنبال کنید", "שתפו", "שתף", "עקבו אחרינו", "share via", "شارك عبر",
)
# A site's disclaimer or a disclosure ("Disclaimer: This article is not financial advice ...", LABELS.md:
# boilerplate; the risk warning that closes an ad is promo, and the model's own label stands where it removes
# the line). Not the Polish "zastrzeżenie", which is also any caveat ("Zastrzeżenie: jestem biologiem, nie
# lekarzem ..." opens a column's story in data/).
_DISCLAIMER_HEADS = (
    "disclaimer", "legal disclaimer", "disclosure", "haftungsausschluss", "rechtlicher hinweis", "vrijwaring",
    "avertissement", "clause de non-responsabilité", "avis de non-responsabilité", "aviso legal",
    "descargo de responsabilidad", "exención de responsabilidad", "isenção de responsabilidade",
    "esclusione di responsabilità", "avvertenza", "nota prawna", "vyloučení odpovědnosti",
    "ansvarsfriskrivning", "yasal uyarı", "sorumluluk reddi", "отказ от ответственности", "дисклеймер",
    "відмова від відповідальності", "免責事項", "免责声明", "免責聲明", "면책 조항", "면책조항",
    "miễn trừ trách nhiệm", "tuyên bố miễn trừ trách nhiệm", "penafian", "ข้อจำกัดความรับผิดชอบ", "डिस्क्लेमर",
    "अस्वीकरण", "إخلاء مسؤولية", "إخلاء المسؤولية", "سلب مسئولیت", "גילוי נאות", "αποποίηση ευθύνης",
    "declinarea responsabilității", "felelősségkizárás", "jogi nyilatkozat",
)
# Photo credits as a head: the rest of the line holds no colon ("image: postgres:16" in a how-to is code).
_CREDIT_HEADS = CREDIT_WORDS + (
    "photo credit", "image credit", "créditos", "imagen", "immagine", "fotoğraf", "изображение", "画像", "รูป",
    "تصوير", "عکس", "צילום", "ภาพประกอบ", "ที่มาภาพ", "เครดิตภาพ", "ảnh minh họa", "nguồn ảnh", "ilustrasi",
    "foto ilustrasi", "तस्वीर", "फोटो साभार", "صورة تعبيرية", "عکس از",
)
# Bylines: at most BYLINE_MAX_CHARS after the colon.
_BYLINE_HEADS = (
    "by", "written by", "author", "authors", "door", "auteur", "von", "autor", "autorin", "par", "por", "di",
    "autore", "autorka", "av", "yazar", "yazan", "автор", "著者", "作者", "文", "기자", "tác giả", "penulis",
    "ผู้เขียน", "लेखक", "द्वारा", "بقلم", "الكاتب", "كتب", "كتبت", "نویسنده", "מאת", "כתב",
)
# head -> the label it names
HEADS = {**{normal(head): "boilerplate"
            for head in _LINK_HEADS + _TAG_HEADS + _DATE_HEADS + _SHARE_HEADS + _DISCLAIMER_HEADS
                + _CREDIT_HEADS},
         **{normal(head): "bio" for head in _BYLINE_HEADS}}
CREDIT_HEADS = frozenset(map(normal, _CREDIT_HEADS))


# A byline without a colon: "By Dana Whitlock", "BY MIRIAM HOLTZ and PETER VANCE, Continental Press", "Door
# Jan de Vries", "Por Laura Méndez". The word "by" in the line's languages, then at least two capitalised
# words (name particles such as "de" or "van" between them), then nothing, or after a comma, bar, dash or
# "and" a rest that ends no sentence. Not "By Monday, the deal was done." nor "By The Numbers".
_BYLINE_WORDS = ("By", "BY", "by", "Von", "VON", "Door", "DOOR", "Por", "POR", "Par", "PAR", "Di", "DI")
BYLINE_INITIALS = frozenset(word[0] for word in _BYLINE_WORDS)  # a quick test before the pattern
_NOT_NAMES = ("The", "This", "That", "These", "Those", "Then", "Now",
              *(name.capitalize() for name in ENGLISH_WEEKDAYS + ENGLISH_MONTHS))
_NAME = r"[A-ZÀ-ÖØ-ÞĄĆĘŁŃŚŹŻА-Я][\w'’.-]*"
_NAME_PARTICLES = ("van", "von", "de", "da", "del", "der", "den", "la", "le", "di", "dos", "y")
BYLINE = re.compile(
    rf"(?:{'|'.join(_BYLINE_WORDS)})\s+(?!(?:{'|'.join(_NOT_NAMES)})\b)"
    rf"{_NAME}(?:\s+(?:{_NAME}|{'|'.join(_NAME_PARTICLES)}))*?\s+{_NAME}"
    r"(?:\s*(?:,|\||·|•|/|–|-|—|\band\b|\bund\b|\ben\b|\by\b|\bet\b|\be\b)\s*[^.!?]*"
    rf"|\s+(?:\d|(?:{'|'.join(name.capitalize() for name in ENGLISH_MONTHS)})\b)[^.!?]*)?")
# Hindi puts "by" after the name: "नेहा शर्मा द्वारा" (two or three words, nothing else on the line).
BYLINE_AFTER = " द्वारा"
BYLINE_AFTER_NAME = re.compile(r"(?:[\u0900-\u097f]+ ){2,3}द्वारा")
