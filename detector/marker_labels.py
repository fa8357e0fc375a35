"""Whole lines that name what they are, per language: an ad label or a call to action (promo), a page's
control or a line of no letter or digit (boilerplate), an author box's heading (bio)."""

from __future__ import annotations

import re

from .marker_keys import normal

AD_LABEL_MAX_CHARS = 50  # the longest ad label or call to action is 38 characters

# Per language; matched against the whole line without its frame, case folded, spaces collapsed.
_AD_LABELS = (
    # English
    "advertisement", "advertisements", "advert", "advertorial", "ad", "ads", "sponsored", "sponsored by",
    "sponsored content", "sponsored post", "sponsored article", "sponsored story", "sponsored links",
    "paid content", "paid post", "partner content", "promoted content", "story continues below advertisement",
    "article continues below advertisement", "advertisement - continue reading below",
    "advertisement - scroll to continue",
    # German, Dutch, French, Spanish, Portuguese, Italian
    "anzeige", "werbung", "gesponsert", "gesponserter inhalt", "advertentie", "gesponsord", "gesponsorde inhoud",
    "publicité", "sponsorisé", "contenu sponsorisé", "contenu partenaire", "publicidad", "patrocinado",
    "contenido patrocinado", "anuncio", "publicidade", "conteúdo patrocinado", "anúncio", "pubblicità",
    "sponsorizzato", "contenuto sponsorizzato",
    # Polish, Czech, Slovak, Nordic, Finnish, Romanian, Hungarian, Greek, Turkish
    "reklama", "sponsorowany", "artykuł sponsorowany", "materiał sponsorowany", "materiał partnera", "komerční sdělení",
    "annons", "sponsrat innehåll", "annonce", "annonse", "reklame", "sponsoreret", "mainos",
    "kaupallinen yhteistyö", "publicitate", "hirdetés", "reklám", "διαφήμιση", "reklam", "sponsorlu",
    "sponsorlu içerik",
    "sponsorlu İçerik",
    # Russian, Ukrainian
    "реклама", "на правах рекламы", "партнерский материал", "партнёрский материал", "на правах реклами",
    # Japanese, Chinese, Korean
    "広告", "pr", "スポンサー", "スポンサーリンク", "广告", "廣告", "赞助内容", "贊助內容", "推广", "광고", "스폰서",
    # Vietnamese, Indonesian, Thai, Hindi, Arabic, Persian, Hebrew
    "quảng cáo", "được tài trợ", "nội dung tài trợ", "iklan", "bersponsor", "konten bersponsor", "โฆษณา",
    "ได้รับการสนับสนุน", "विज्ञापन", "प्रायोजित", "إعلان", "إعلانات", "محتوى مدعوم", "برعاية", "تبلیغات", "آگهی",
    "رپورتاژ آگهی", "פרסומת", "ממומן", "תוכן ממומן",
)
# Calls to action that stand alone on their line, an ad's button (LABELS.md: promo), matched like ad labels.
_CALLS_TO_ACTION = (
    # English ("Buy now" is left out: product reviews on the benchmark pages keep it as story)
    "sign up", "sign up now", "sign up today", "sign up for free", "register now", "join now", "join today",
    "shop now", "order now", "download now", "download the app", "get the app", "install now", "try it free",
    "try for free", "try it now", "start free trial", "start trading", "start trading now", "trade now",
    "invest now", "open an account", "open account", "open a free account", "open your account",
    "create account", "create an account", "create free account", "get started", "get started now",
    "claim bonus", "claim your bonus", "claim now", "learn more", "visit site", "visit website",
    "subscribe now", "join the presale", "buy tokens", "try now", "book now", "get tickets", "buy tickets",
    "get a quote", "request information", "request a demo", "book a demo",
    # German, Dutch, French, Spanish, Portuguese, Italian
    "jetzt registrieren", "jetzt anmelden", "jetzt kaufen", "jetzt herunterladen", "jetzt handeln",
    "jetzt investieren", "konto eröffnen", "jetzt konto eröffnen", "kostenlos testen", "jetzt starten",
    "mehr erfahren", "jetzt mehr erfahren", "zum angebot", "registreer nu", "nu registreren", "meld je aan",
    "meld je nu aan", "koop nu", "download de app", "open een rekening", "rekening openen",
    "begin met handelen", "start met handelen", "probeer gratis", "meer informatie", "nu beginnen", "start nu",
    "bekijk aanbieding", "inscrivez-vous", "s'inscrire", "inscription gratuite", "acheter maintenant",
    "télécharger l'application", "ouvrir un compte", "ouvrir mon compte", "commencer à trader", "essai gratuit",
    "essayer gratuitement", "en savoir plus", "profitez-en", "regístrate", "regístrate ahora",
    "regístrate gratis", "compra ahora", "comprar ahora", "descarga la app", "descargar la app",
    "abre tu cuenta", "abrir cuenta", "empieza a invertir", "empezar a operar", "pruébalo gratis",
    "más información", "saber más", "cadastre-se", "cadastre-se grátis", "compre agora", "baixe o app",
    "baixar o app", "abra sua conta", "abrir conta", "comece a investir", "experimente grátis", "saiba mais",
    "registrati", "registrati ora", "iscriviti", "compra ora", "scarica l'app", "apri un conto", "apri il conto",
    "inizia a fare trading", "prova gratis", "scopri di più",
    # Polish, Turkish, Russian, Ukrainian
    "zarejestruj się", "kup teraz", "pobierz aplikację", "otwórz konto", "otwórz rachunek",
    "zacznij inwestować", "wypróbuj za darmo", "dowiedz się więcej", "hemen kaydol", "kaydol", "üye ol",
    "hemen al", "uygulamayı indir", "hesap aç", "hemen hesap aç", "yatırıma başla", "ücretsiz dene",
    "daha fazla bilgi", "зарегистрироваться", "зарегистрируйтесь", "купить сейчас", "скачать приложение",
    "открыть счёт", "открыть счет", "начать торговлю", "попробовать бесплатно", "подробнее", "узнать больше",
    "зареєструватися", "завантажити застосунок", "відкрити рахунок", "почати торгівлю",
    "спробувати безкоштовно", "детальніше",
    # Japanese, Chinese, Korean
    "今すぐ登録", "無料登録", "口座開設", "無料で口座開設", "アプリをダウンロード", "今すぐ購入", "詳しくはこちら",
    "今すぐ始める", "立即注册", "免费注册", "立即下载", "下载app", "立即开户", "免费开户", "立即购买", "了解更多",
    "立即交易", "지금 가입하기", "가입하기", "회원가입", "앱 다운로드", "계좌 개설", "계좌 개설하기", "지금 시작하기",
    "자세히 보기", "무료 체험",
    # Vietnamese, Indonesian, Thai, Hindi, Arabic, Persian, Hebrew
    "đăng ký ngay", "đăng ký", "tải ứng dụng", "tải app ngay", "mở tài khoản", "mở tài khoản ngay",
    "mở tài khoản miễn phí", "dùng thử ngay", "dùng thử miễn phí", "giao dịch ngay", "tìm hiểu thêm",
    "daftar sekarang", "unduh aplikasi", "buka akun", "buka rekening", "mulai trading", "coba gratis",
    "pelajari lebih lanjut", "สมัครเลย", "สมัครตอนนี้", "ดาวน์โหลดแอป", "ดาวน์โหลดแอปเลย", "เปิดบัญชี",
    "เปิดบัญชีเลย", "ทดลองใช้ฟรี", "เริ่มเทรด", "ดูรายละเอียด", "अभी डाउनलोड करें", "डाउनलोड करें",
    "अभी साइन अप करें", "खाता खोलें", "मुफ्त खाता खोलें", "अभी निवेश करें", "अभी शुरू करें", "और जानें",
    "سجل الآن", "سجّل الآن", "حمّل التطبيق", "افتح حسابك", "افتح حساباً", "ابدأ التداول", "ابدأ الآن",
    "جرّب مجاناً", "اعرف المزيد", "ثبت‌نام", "همین حالا ثبت‌نام کنید", "دانلود اپلیکیشن", "افتتاح حساب",
    "شروع معامله", "הירשמו עכשיו", "הורידו את האפליקציה", "פתחו חשבון", "התחילו לסחור",
)
AD_LABELS = frozenset(map(normal, _AD_LABELS + _CALLS_TO_ACTION))
# A page's controls alone on their line: a picture's or a video's, a list's, a share or print button
# (whole lines only; not "Top", "Up next" or "Continue reading the main story", which some pages' gold
# keeps as story). Boilerplate.
INTERFACE_LINES = frozenset(map(normal, (
    "hide caption", "toggle caption", "enlarge this image", "enlarge image", "enlarge", "click to enlarge",
    "view gallery", "view full gallery", "play video", "watch video", "watch now", "video duration",
    "view comments", "show more", "load more", "loading", "loading...", "back to the top", "link",
    "share", "print", "email", "photos", "photo gallery", "gallery", "video", "videos",
    # back to the top of the page, and a reader comment's buttons
    "back to top", "jump to top", "jump back to top", "return to top", "scroll to top", "top of page", "go to top",
    "nach oben", "zurück nach oben", "terug naar boven", "haut de page", "volver arriba", "torna su",
    "reply", "reply to this comment", "report abuse", "report comment", "report this comment",
    "flag as inappropriate", "antworten", "reageer", "répondre", "responder", "rispondi", "ответить",
    # share, print and listen buttons, "continues below" notes, and a news agency's end-of-story mark
    "share this article", "share this story", "share on x", "tweet", "e-mail this article", "email this article",
    "e-mail this story to a friend", "printer-friendly version", "print this article", "listen to this article",
    "have your say", "story continues below", "article continues below", "article continues after this advertisement",
    "partager", "partilhar", "compartir", "compartir en x", "condividi", "teilen", "artikel teilen", "delen",
    "udostępnij", "paylaş", "поделиться", "поділитися", "この記事をシェア", "drucken", "imprimer", "imprimir",
    "stampa", "drukuj", "распечатать", "印刷", "vorlesen", "écouter cet article", "ascolta l'articolo",
    "escucha este artículo", "ouça esta reportagem", "luister naar dit artikel", "слушать статью",
    "posłuchaj artykułu", "bu haberi dinleyin", "lire la suite après cette publicité",
    "l'articolo continua sotto la pubblicità", "artigo continua após a publicidade", "haberin devamı aşağıda",
    "follow us on google news", "add as a preferred source on google", "add us as a preferred source on google",
    "add us as a preferred source", "make us a preferred source on google", "set as a preferred source on google",
    "als bevorzugte quelle bei google hinzufügen", "voeg ons toe als voorkeursbron in google",
    "ajoutez-nous comme source préférée sur google", "agréganos como fuente preferida en google",
    "folgen sie uns auf google news", "folge uns auf google news", "volg ons op google news",
    "volg ons op google nieuws",
    "suivez-nous sur google news", "suivez-nous sur google actualités", "síguenos en google news",
    "siga-nos no google news", "siga-nos no google notícias", "seguici su google news", "obserwuj nas w google news",
    "bizi google news'te takip edin", "google haberler'de takip edin", "читайте нас в google новостях",
    "подписывайтесь на нас в google новостях", "стежте за нами в google news", "google ニュースでフォロー",
    "google 뉴스에서 팔로우", "theo dõi chúng tôi trên google news", "ikuti kami di google news",
    "google news पर फ़ॉलो करें",
    "google news पर फॉलो करें", "इस ख़बर को शेयर करें", "इस खबर को शेयर करें", "แชร์บทความนี้", "bu haberi paylaş",
    "مشاركة", "شارك هذا الخبر", "شارك المقال", "اشتراک‌گذاری", "این مطلب را به اشتراک بگذارید", "انتهای خبر",
    "انتهای پیام",
)))
# A breadcrumb trail: the names of the site (or its home page) and of the sections above the page, joined by
# "›" or "»" ("Home › Crypto › Markets", "डिजिटल मुद्रा टाइम्स › नीति"), or by ">" after the home page's name
# ("Home > News > Nation"): two to six short parts, none ending a sentence. Not a line holding "«" (French and
# German quotation marks pair it with "»"), nor ">" after other words ("MCV > 100", "Sushi > Pizza"). Boilerplate.
BREADCRUMB_MAX_CHARS = 120
BREADCRUMB_PART_MAX_CHARS = 40
BREADCRUMB_PART_MAX_WORDS = 6
_TRAIL_SEPARATOR = re.compile(r"\s+[›»]\s+")
_HOME_SEPARATOR = re.compile(r"\s+>\s+")
HOME_PAGE_NAMES = frozenset(map(normal, (
    "home", "homepage", "startseite", "accueil", "inicio", "início", "portada", "página inicial", "strona główna",
    "úvod", "hem", "etusivu", "forside", "anasayfa", "ana sayfa", "главная", "головна", "trang chủ", "beranda",
    "หน้าแรก", "होम", "मुख्य पृष्ठ", "الرئيسية", "صفحه اصلی", "خانه", "דף הבית", "ホーム", "首页", "首頁", "홈",
)))
_SENTENCE_ENDS = (".", "!", "?", "。", "！", "？")


def is_breadcrumb(text: str) -> bool:
    """Whether ``text`` is a breadcrumb trail ("Home › Crypto › Markets", "Home > News > Nation")."""
    if len(text) > BREADCRUMB_MAX_CHARS or "«" in text:
        return False
    line = text.strip(" \t\u00a0>›»")  # a trail may open with its separator ("> Home > News")
    if "›" in line or "»" in line:
        parts = _TRAIL_SEPARATOR.split(line)
    elif " > " in line:
        parts = _HOME_SEPARATOR.split(line)
        if normal(parts[0]) not in HOME_PAGE_NAMES:
            return False
    else:
        return False
    return 2 <= len(parts) <= 6 and all(
        0 < len(part) <= BREADCRUMB_PART_MAX_CHARS and len(part.split()) <= BREADCRUMB_PART_MAX_WORDS
        and not part.endswith(_SENTENCE_ENDS) for part in parts)


# A line of hashtags only ("#Bitcoin #ETF #crypto", "#ทองคำ #ออมทอง"): a tag list. A price ticker: a
# quote followed by its change as a percentage after an arrow ("BTC/USD 67,412.10 ▲1.2%", "EGX30 ▲ 1.4% |
# ..."; not "▲" opening a list item, as Korean stories use it). Both boilerplate.
HASHTAG_LINE = re.compile(r"#\w\S*(?:\s+#\w\S*)+")
# A video's leftovers: its title after "Video:" or "Watch:" and its running time ("Watch: Scientists applaud the
# announcement 2:05", "VIDEO 4:05", "Video duration 1:48"). Boilerplate.
VIDEO_LINE = re.compile(r"(?:video|vídeo|vidéo|watch)(?:\s*[:：]\s*.{1,100}?|\s+duration)?,?\s+\(?\d{1,2}:\d{2}\)?",
                        re.IGNORECASE)
VIDEO_LINE_MAX_CHARS = 120
PRICE_TICKER = re.compile(r"\d[^▲▼\n]{0,12}?[▲▼]\s*[+-]?\d[\d.,]*\s*%")
TICKER_MAX_CHARS = 150  # and a line of hashtags


# The heading of an author box alone on its line ("About the author", "Über den Autor", "Về tác giả" ...):
# bio. Not "Author" alone, which some gold keeps as a table's heading.
AUTHOR_HEADINGS = frozenset(map(normal, (
    "about the author", "about the authors", "author bio", "über den autor", "über die autorin", "zum autor",
    "zur autorin", "over de auteur", "over de auteurs", "à propos de l'auteur", "à propos de l’auteur",
    "sobre el autor", "sobre la autora", "sobre o autor", "sobre a autora", "sull'autore", "sull’autore",
    "o autorze", "o autorovi", "despre autor", "yazar hakkında", "om författaren", "об авторе", "про автора",
    "σχετικά με τον συγγραφέα", "著者について", "著者プロフィール", "关于作者", "作者简介", "기자 소개", "필자 소개",
    "về tác giả", "tentang penulis", "लेखक के बारे में", "เกี่ยวกับผู้เขียน", "عن الكاتب", "نبذة عن الكاتب",
    "درباره نویسنده", "על הכותב",
)))
# A line without a letter or a digit: a separator ("* * *", "———"), a bullet or an arrow alone, a zero-width
# joiner. Not rating stars ("★★★★☆"), which a review's text may hold, nor brackets alone ("}", ");"): the
# end of a code listing in a how-to.
STARS = frozenset("★☆⭐")
CODE_PUNCTUATION = frozenset("(){}[];, \t")
