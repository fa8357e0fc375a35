"""Site disclaimers without a head ("This article is not investment advice", "Die Inhalte dienen ausschließlich
der Information", "本記事は情報提供を目的としており ...") and the risk warnings of ads.

A news site prints its legal lines under (or over) every story: that the article is no advice, that the views
are the author's own, what the author holds, that links may earn the site a commission. Without a head
("Disclaimer:", which ``markers`` reads) such a line is finance prose, and the model's first stage reads it as
story. LABELS.md calls a site's disclaimer boilerplate and an affiliate line promo.

A phrase alone is not enough: stories about advice rules use the same words ("Many videos ended with
'this is not financial advice'", "The broker's terms said it did not provide investment advice"). So
``edge_disclaimers`` takes only the lines at the edges of what the rest of the rules keep: walking from a
document's last kept line back (and from its first one on), a kept line that holds a phrase goes, a short
kept line (under ``EDGE_SKIP_CHARS``: a name, a date, a heading) is passed over, and the first longer line
without one ends the walk. A phrase inside quotation marks, or a line longer than ``DISCLAIMER_MAX_CHARS``,
does not count. ``pipeline.decide`` applies it last (README, "The thresholds", has the measured effect).

An ad's risk warning is the same kind of line ("Crypto assets are volatile. You could lose all the money you
invest.", "CFDs are complex instruments ...", "投资有风险"): regulators' wording, read as story by the model,
and reported by stories in other words ("investors could lose everything, the regulator warned"). Only the forms
addressed to the reader or quoting the rule count, and ``risk_warnings_beside_ads`` takes such a line only
right next to a line removed as promo, as promo: the warning that closes an ad block (LABELS.md).

Each phrase is searched only in lines that hold one of its triggers, words the phrase itself holds, so that
most lines cost one set lookup; about 2,800 lines of a batch of 100k segments lie at the edges (0.02 s).
A phrase at the very end of a story is still taken ("La banque précise que la note ne constitue pas une
recommandation d'investissement." closing a story in ``data/``): the one story line the rule costs there.
"""

from __future__ import annotations

import re
from collections.abc import Sequence

import numpy as np

from .features import document_bounds

# A kept line shorter than this at a document's edge (a byline, a date, a heading) does not end the walk.
EDGE_SKIP_CHARS = 60
# A line longer than this is no site disclaimer: a story paragraph that happens to hold a phrase.
DISCLAIMER_MAX_CHARS = 600

_ADVICE, _OPINION, _HOLDING, _AFFILIATE = "boilerplate", "boilerplate", "boilerplate", "promo"

# (label, triggers, pattern). A pattern reads the case-folded line and is searched only in lines that hold one of
# its triggers, words that the pattern itself holds: as whole words (\w+) in the languages that space their words,
# as parts of the line in the others (_UNSPACED: from Hebrew up, U+0590). Most lines then cost a set lookup.
_PHRASES = [
    # English
    (_ADVICE, "advice", r"\bnot (?:be )?(?:intended |meant |to be (?:construed|considered|taken|read|relied upon|"
                        r"interpreted) )?(?:as )?(?:an? )?(?:financial|investment|trading|tax|legal|professional|"
                        r"personal)(?:,? (?:or |and )?(?:financial|investment|trading|tax|legal|professional))* "
                        r"advice"),
    (_ADVICE, "advice", r"\b(?:does|do|should|shall|is|are|must) not (?:constitute|represent|amount to|serve as|offer|"
                        r"provide|contain|give|be (?:construed|considered|taken|read|relied upon|interpreted) as) "
                        r"(?:any |an? |financial |investment |personal )*(?:financial |investment |trading |tax |"
                        r"legal )?advice"),
    (_ADVICE, "advice", r"\bnot (?:be )?(?:construed|considered|taken|read|relied upon|interpreted|regarded|treated) "
                        r"as (?:an? )?(?:\w+,? ){0,4}advice"),
    (_ADVICE, "advice", r"\bnot (?:a )?substitute for (?:\w+ ){0,3}advice"),
    (_ADVICE, "advice", r"\b(?:nothing|no (?:content|information|part))\b.{0,60}\b(?:construed|considered|taken|"
                        r"relied upon) as (?:an? )?(?:\w+,? ){0,4}advice"),
    (_ADVICE, "recommendation", r"\b(?:does|do|should|is|are) not (?:constitute|represent|be (?:construed|considered|"
                                r"taken) as) (?:an? |any )?(?:investment |financial |personal )?recommendation"),
    (_ADVICE, "purposes", r"\bfor (?:general )?(?:information(?:al)?|educational|entertainment)(?: and "
                          r"(?:information(?:al)?|educational|entertainment))? purposes only"),
    (_ADVICE, "research diligence", r"\b(?:do|conduct) your own (?:research|due diligence)"),
    (_ADVICE, "dyor", r"\bdyor\b"),
    (_OPINION, "expressed", r"\b(?:views|opinions)(?: and opinions)? expressed (?:in this|here|are)"),
    (_OPINION, "necessarily", r"\bdo(?:es)? not necessarily reflect"),
    (_HOLDING, "author authors", r"\bthe (?:author|authors) (?:holds?|owns?|has (?:a )?positions?|does not "
                                 r"(?:hold|own)|held|is (?:long|short))\b"),
    (_HOLDING, "writing publication", r"\bat the time of (?:writing|publication),? the (?:author|writer)"),
    (_AFFILIATE, "commission", r"\bmay (?:earn|receive|get) (?:a |an )?(?:small )?(?:affiliate )?commission"),
    (_AFFILIATE, "affiliate", r"\baffiliate links?\b"),
    # German
    (_ADVICE, "keine", r"keine (?:individuelle )?(?:anlage|finanz|steuer|rechts|kauf|verkaufs|investment)"
                       r"(?:beratung|empfehlung)"),
    (_ADVICE, "stellt stellen", r"(?:stellt|stellen) (?:\w+ )?(?:keine|weder eine) (?:\w+ )?"
                                r"(?:anlageberatung|empfehlung|"
                                r"aufforderung|beratung)"),
    (_ADVICE, "dient dienen", r"(?:dient|dienen) (?:ausschließlich|allein|nur|lediglich) (?:der|zur|zu) "
                              r"(?:allgemeinen )?"
                              r"information"),
    (_ADVICE, "gewähr", r"\bohne gewähr\b"),
    (_ADVICE, "aufforderung", r"keine aufforderung zum (?:kauf|verkauf)"),
    (_OPINION, "meinung", r"meinung (?:des autors|der autorin|des verfassers|der verfasserin)"),
    (_HOLDING, "autor autorin", r"(?:der autor|die autorin) (?:hält|besitzt|ist .{0,30}investiert)"),
    (_AFFILIATE, "provision", r"(?:erhalten|bekommen) wir (?:unter umständen |ggf\. |eventuell |möglicherweise )?"
                              r"eine provision"),
    (_AFFILIATE, "provision", r"\b(?:kann|können) (?:wir )?(?:eine )?provision"),
    # Dutch
    (_ADVICE, "geen", r"geen (?:financieel|financiële|beleggings|juridisch|fiscaal|persoonlijk)[\w-]* ?advies"),
    (_ADVICE, "geen", r"(?:geeft|vormt|is) geen [\w ,-]{0,40}advies\b"),
    (_ADVICE, "informatief informatie informatieve", r"(?:puur|uitsluitend|louter|alleen|enkel) (?:bedoeld )?"
                                                     r"(?:ter |als |voor )?(?:informatief|informatie|"
                                                     r"informatieve doeleinden)"),
    (_ADVICE, "ontleend", r"kunnen geen rechten (?:worden )?(?:aan )?ontleend"),
    (_OPINION, "mening", r"mening van de (?:auteur|schrijver)"),
    (_HOLDING, "auteur schrijver", r"de (?:auteur|schrijver) (?:bezit|heeft (?:een )?positie)"),
    (_AFFILIATE, "vergoeding", r"ontvangt? (?:mogelijk )?een vergoeding"),
    # French
    (_ADVICE, "ne", r"ne (?:constitu\w+|saurai\w+ constituer|représente\w*) (?:ni |pas |en aucun cas )(?:un |une |"
                    r"des |de )?(?:conseil|recommandation|incitation|sollicitation|offre)"),
    (_ADVICE, "titre", r"\bà titre (?:purement |uniquement |exclusivement )?(?:indicatif|informatif|d'information)"),
    (_ADVICE, "conseil conseils", r"(?:pas|ni) (?:un |de )?(?:conseil|conseils) (?:en investissement|financier|"
                                  r"d'investissement)"),
    (_OPINION, "engage engagent", r"n'(?:engage|engagent) que (?:leur|son|ses) auteur"),
    (_OPINION, "opinion opinions", r"(?:opinion|opinions) (?:exprimées?|émises?)"),
    (_HOLDING, "auteur auteure", r"l'(?:auteur|auteure) (?:détient|possède)"),
    (_AFFILIATE, "commission", r"(?:peut|pouvons|pourrions) (?:percevoir|toucher|recevoir) une commission"),
    (_AFFILIATE, "liens lien", r"(?:lien|liens) (?:affiliés?|d'affiliation)"),
    # Spanish
    (_ADVICE, "no", r"no (?:constituye|constituyen|supone|suponen|representa|representan|debe considerarse|"
                    r"deben considerarse) (?:un |una |ningún |ninguna |como )?(?:asesoramiento|recomendación|"
                    r"consejo|asesoría|oferta)"),
    (_ADVICE, "no", r"no (?:es|son) (?:un |una )?(?:asesoramiento|recomendación|consejo|asesoría) (?:financier|"
                    r"de inversión|de compra|de venta)"),
    (_ADVICE, "carácter fines propósito propósitos finalidad", r"(?:carácter|fines|propósito|propósitos|finalidad) "
                                                               r"(?:meramente |"
                                                               r"exclusivamente |puramente |únicamente )?"
                                                               r"(?:informativ|divulgativ)"),
    (_OPINION, "opiniones", r"opiniones (?:expresadas|vertidas)"),
    (_AFFILIATE, "comisión", r"(?:puede|podemos|podríamos) (?:recibir|cobrar) una comisión"),
    (_AFFILIATE, "enlace enlaces", r"(?:enlace|enlaces) de afiliad"),
    # Portuguese
    (_ADVICE, "não", r"não (?:constitui|constituem|representa|representam|deve ser interpretad[oa] como|"
                     r"devem ser interpretad[oa]s como) (?:uma? |nenhuma? )?(?:recomendação|aconselhamento|conselho|"
                     r"oferta|consultoria)"),
    (_ADVICE, "não", r"não (?:é|são) (?:uma? )?(?:recomendação|aconselhamento|conselho|consultoria) (?:financeir|"
                     r"de investimento|de compra|de venda)"),
    (_ADVICE, "caráter natureza fim fins finalidade", r"(?:caráter|natureza|fim|fins|finalidade) (?:exclusivamente |"
                                                      r"meramente |puramente |apenas )?informativ"),
    (_OPINION, "opiniões", r"opiniões expressas"),
    (_HOLDING, "autor", r"o autor (?:possui|detém)"),
    (_AFFILIATE, "comissão", r"(?:pode|podemos) receber (?:uma )?comissão"),
    (_AFFILIATE, "links link", r"(?:link|links) de afiliad"),
    # Italian
    (_ADVICE, "non", r"non (?:costituisc\w+|rappresent\w+|va intes[oa] come|vanno intes[ie] come) (?:in alcun modo )?"
                     r"(?:un |una |alcuna )?(?:consulenza|consiglio|raccomandazione|sollecitazione|offerta|invito)"),
    (_ADVICE, "non", r"non (?:è|sono) (?:un |una )?(?:consulenza|consiglio|raccomandazione) (?:finanziari|"
                     r"di investimento|d'investimento|all'investimento)"),
    (_ADVICE, "finalità scopo carattere fini", r"(?:finalità|scopo|carattere|fini) (?:esclusivamente |puramente |"
                                               r"meramente |solo )?(?:informativ|divulgativ)"),
    (_OPINION, "opinioni", r"opinioni espresse"),
    (_HOLDING, "autore", r"l'autore (?:detiene|possiede)"),
    (_AFFILIATE, "commissione", r"(?:potremmo|possiamo|potrebbe|può) ricevere una commissione"),
    (_AFFILIATE, "link", r"link affiliat"),
    # Polish
    (_ADVICE, "nie", r"nie stanowi\w* (?:\w+ )?(?:porady|rekomendacji|doradztwa|oferty|zachęty)"),
    (_ADVICE, "charakter cel", r"(?:charakter|cel) (?:wyłącznie |jedynie |czysto )?(?:informacyjny|edukacyjny)"),
    (_OPINION, "opinie", r"opinie wyrażone"),
    (_OPINION, "odzwierciedlać", r"nie (?:muszą|musi) odzwierciedlać"),
    (_HOLDING, "autor autorka", r"(?:autor|autorka) posiada"),
    (_AFFILIATE, "linkami linki", r"linkami partnerskimi|linki partnerskie"),
    # Czech
    (_ADVICE, "doporučení", r"(?:nepředstavuje|nepředstavují|není|nejsou|nejedná se o) (?:\w+ )?(?:investiční )?"
                            r"doporučení"),
    (_ADVICE, "informační informativní", r"(?:pouze|výhradně|jen) (?:pro )?(?:informační|informativní)"),
    (_ADVICE, "charakter", r"(?:informativní|informační) charakter"),
    (_OPINION, "názory", r"názory (?:vyjádřené|autora)"),
    (_HOLDING, "autor autorka", r"(?:autor|autorka) (?:vlastní|drží)"),
    (_AFFILIATE, "provizi", r"můžeme (?:od partnera )?získat provizi"),
    # Romanian
    (_ADVICE, "nu", r"nu (?:constituie|reprezintă) (?:o )?(?:recomandare|sfat|consultanță|ofert)"),
    (_ADVICE, "caracter", r"caracter (?:strict |pur |exclusiv )?informativ"),
    (_OPINION, "opiniile", r"opiniile exprimate"),
    (_HOLDING, "autorul", r"autorul (?:deține|are)"),
    # Hungarian
    (_ADVICE, "minősül minősülnek", r"nem (?:minősül|minősülnek) (?:befektetési )?(?:tanács|ajánlás)"),
    (_ADVICE, "tájékoztató", r"tájékoztató jellegű"),
    (_HOLDING, "szerző", r"a szerző .{0,40}(?:tart|rendelkezik)"),
    # Swedish
    (_ADVICE, "inte ej", r"(?:inte|ej) (?:ses |betraktas |tolkas )?(?:som )?(?:en )?(?:investeringsrådgivning|"
                         r"investeringsråd|finansiell rådgivning|köprekommendation|rekommendation|uppmaning)"),
    (_OPINION, "åsikterna", r"åsikterna (?:i texten )?är (?:skribentens|författarens)"),
    (_HOLDING, "skribenten", r"skribenten (?:äger|innehar)"),
    (_AFFILIATE, "ersättning", r"kan få ersättning"),
    # Turkish
    (_ADVICE, "yatırım", r"yatırım tavsiyesi (?:değildir|niteliğinde değildir|içermez|olarak)"),
    (_ADVICE, "yatırım", r"yatırım danışmanlığı (?:hizmeti )?kapsamında değildir"),
    (_ADVICE, "bilgi bilgilendirme", r"(?:bilgi|bilgilendirme) amaçlı"),
    (_OPINION, "görüşler görüşleri düşünceler düşünceleri", r"(?:görüşler|görüşleri|görüş ve düşünceler|"
                                                            r"görüş ve düşünceleri) yazar"),
    (_HOLDING, "yazarın", r"yazarın .{0,60}pozisyon"),
    (_AFFILIATE, "komisyon", r"komisyon (?:kazanabilir|alabilir)"),
    # Russian and Ukrainian
    (_ADVICE, "не", r"не (?:является|являются) (?:\w+ )?(?:инвестиционной |финансовой )?(?:рекомендацией|"
                    r"рекомендациями|советом|консультацией|офертой|предложением)"),
    (_ADVICE, "характер", r"нос(?:ит|ят) (?:исключительно |сугубо |лишь )?(?:информационный|ознакомительный) характер"),
    (_ADVICE, "целях", r"в (?:ознакомительных|информационных) целях"),
    (_ADVICE, "не", r"не (?:є|становить|становлять) (?:\w+ )?(?:інвестиційною |фінансовою )?(?:порадою|"
                    r"рекомендацією|консультацією)"),
    (_ADVICE, "характер", r"(?:має|мають|носить) (?:виключно |суто |лише )?(?:інформаційний|ознайомчий) характер"),
    (_OPINION, "мнение", r"мнение автора"),
    (_OPINION, "автора", r"(?:думка|погляди) автора"),
    (_HOLDING, "автор", r"автор (?:владеет|имеет позиц)"),
    (_HOLDING, "автор авторка", r"(?:автор|авторка) (?:володіє|має позиц)"),
    # Greek
    (_ADVICE, "δεν", r"δεν (?:συνιστ|αποτελ)\w+ (?:\w+ )?(?:επενδυτική |οικονομική )?(?:συμβουλή|σύσταση|πρόταση)"),
    (_ADVICE, "χαρακτήρα σκοπούς", r"ενημερωτικ\w+ (?:χαρακτήρα|σκοπούς)"),
    (_OPINION, "απόψεις", r"απόψεις (?:που εκφράζονται|του συντάκτη)"),
    # Vietnamese
    (_ADVICE, "không", r"không (?:phải là|phải|được xem là|được coi là|cấu thành|nên được xem là) (?:một )?"
                       r"(?:lời khuyên|khuyến nghị)"),
    (_ADVICE, "tham", r"chỉ mang tính (?:chất )?tham khảo"),
    (_OPINION, "quan", r"quan điểm riêng của tác giả"),
    (_HOLDING, "tác", r"tác giả (?:đang )?(?:nắm giữ|sở hữu)"),
    # Indonesian
    (_ADVICE, "bukan", r"bukan (?:merupakan )?(?:saran|nasihat|rekomendasi|ajakan) (?:investasi|keuangan|finansial|"
                       r"untuk)"),
    (_ADVICE, "dimaksudkan", r"tidak dimaksudkan sebagai (?:nasihat|saran)"),
    (_OPINION, "pendapat", r"pendapat pribadi penulis"),
    (_HOLDING, "penulis", r"penulis (?:memiliki|memegang)"),
]
_UNSPACED_PHRASES = [
    # Japanese
    (_ADVICE, "投資助言", r"投資助言(?:では|を目的と|を意図|を行うものでは)"),
    (_ADVICE, "ものではありません", r"(?:勧誘|推奨)(?:・(?:勧誘|推奨))?(?:する|を目的とする)ものではありません"),
    (_ADVICE, "情報", r"情報(?:提供|の提供)(?:のみ)?を(?:目的|意図)"),
    (_ADVICE, "判断は", r"(?:最終的な|最終)?(?:投資)?判断は(?:ご自身|ご自分|自己|各自)"),
    (_OPINION, "見解", r"(?:筆者|著者)(?:個人)?の見解"),
    (_HOLDING, "保有", r"(?:筆者|著者)は.{0,40}保有"),
    # Chinese
    (_ADVICE, "不构成 不構成", r"(?:不构成|不構成)(?:任何)?(?:投资|投資)(?:建议|建議|意见|意見)"),
    (_ADVICE, "供参考 供參考", r"(?:仅|僅)(?:供参考|供參考)"),
    (_ADVICE, "依据", r"不(?:作为|作為)(?:买卖|買賣|投资|投資)依据"),
    (_ADVICE, "风险自担 風險自負", r"风险自担|風險自負"),
    (_OPINION, "观点 觀點", r"(?:个人|個人)(?:观点|觀點)"),
    (_OPINION, "不代表", r"不代表.{0,12}(?:立场|立場)"),
    (_HOLDING, "持有", r"(?:笔者|筆者|作者).{0,10}持有"),
    # Korean
    (_ADVICE, "투자", r"투자 ?(?:권유|조언|권고|자문)(?:가|를|이|의 목적)"),
    (_ADVICE, "책임", r"투자 ?판단(?:의|에 대한) ?(?:최종 )?책임"),
    (_ADVICE, "권유하지", r"(?:매수|매도|투자)[^.]{0,20}권유하지 않"),
    (_ADVICE, "목적", r"정보 제공(?:을|만을)? ?목적"),
    (_OPINION, "다를", r"(?:본지|편집국|당사)의 (?:편집 방향|입장)과 다를 수"),
    (_HOLDING, "보유", r"필자는 .{0,40}보유"),
    # Thai
    (_ADVICE, "คำแนะนำ", r"ไม่(?:ใช่|ถือเป็น|ได้เป็น)คำแนะนำ"),
    (_ADVICE, "ใช่", r"(?:มิใช่|ไม่ใช่)(?:การ)?(?:เสนอแนะ|การชักชวน)"),
    (_ADVICE, "ให้ข้อมูล", r"เพื่อวัตถุประสงค์ในการให้ข้อมูล"),
    (_OPINION, "ผู้เขียน", r"ความคิดเห็น.{0,20}เป็นของผู้เขียน"),
    (_HOLDING, "ผู้เขียน", r"ผู้เขียนถือครอง"),
    # Hindi
    (_ADVICE, "सलाह", r"निवेश (?:की )?सलाह (?:नहीं|न समझ)"),
    (_ADVICE, "सलाह", r"(?:निवेश|वित्तीय) सलाह के रूप में"),
    (_ADVICE, "नहीं", r"(?:सिफ़ारिश|सिफारिश) नहीं"),
    (_OPINION, "विचार", r"व्यक्त विचार .{0,20}निजी"),
    # Arabic, Persian, Hebrew
    (_ADVICE, "نصيحة", r"(?:لا|ليس|ليست|لا ي?تعد|لا ي?تشكل) ?(?:\S+ )?نصيحة (?:استثمارية|مالية)"),
    (_ADVICE, "توصية", r"(?:لا|ليس|ليست|لا ي?تعد|لا ي?تشكل) ?(?:\S+ )?توصية (?:استثمارية|مالية)"),
    (_ADVICE, "لأغراض", r"لأغراض (?:إعلامية|معلوماتية|تعليمية)"),
    (_ADVICE, "توصیه", r"توصیه (?:سرمایه[‌ ]?گذاری|مالی)"),
    (_ADVICE, "صرفا", r"صرفا?ً? (?:جنبه )?(?:اطلاع[‌ ]?رسانی|آموزشی)"),
    (_ADVICE, "מהוו", r"אינ[והםן] מהוו?[הת]? (?:\S+ )?(?:ייעוץ|המלצה)"),
]
# Risk warnings, the regulator's words that close a broker's, an exchange's or a fund's ad ("CFDs are complex
# instruments ...", "Past performance is not a reliable indicator ...", "Vous pouvez perdre tout ou partie de votre
# capital", "投资有风险"). Only the forms that address the reader or quote the rule: a story reports such risks in
# the third person ("investors could lose everything, the regulator warned"). Labeled promo (LABELS.md).
_RISK = "promo"
_RISK_PHRASES = [
    (_RISK, "lose", r"\byou (?:could|can|may|might|will) lose (?:all|some|part|everything|the (?:entire|whole)|"
                    r"more than)"),
    (_RISK, "risk", r"\bcapital (?:is )?at risk\b"),
    (_RISK, "performance", r"\bpast performance (?:is not|isn't|does not|doesn't) (?:a )?(?:reliable )?(?:indicat|"
                           r"guarant)"),
    (_RISK, "afford", r"\bonly (?:invest|trade) (?:what|money) (?:you can|that you can) afford to lose"),
    (_RISK, "prepared", r"\bdon'?t invest unless you'?re prepared to lose"),
    (_RISK, "accounts", r"\b\d+(?:[.,]\d+)? ?% of retail (?:investor )?(?:cfd )?accounts lose money"),
    (_RISK, "cfds", r"\bcfds are complex instruments"),
    (_RISK, "protected", r"\byou should not expect to be protected"),
    # German
    (_RISK, "können kannst", r"(?:sie können|du kannst) (?:ihr|dein)(?:e|en)? (?:gesamte[ns]? |eingesetzte[ns]? |"
                             r"investierte[ns]? )*(?:kapital|geld|einsatz)"),
    (_RISK, "totalverlust", r"\btotalverlust"),
    (_RISK, "wertentwicklung wertentwicklungen", r"(?:frühere|vergangene) (?:wertentwicklung|wertentwicklungen) "
                                                 r"(?:ist|sind) kein"),
    (_RISK, "cfds", r"cfds sind komplexe instrumente"),
    (_RISK, "konten kleinanlegerkonten", r"\d+(?:,\d+)? ?% der (?:cfd-)?(?:konten|kleinanlegerkonten)"),
    # Dutch
    (_RISK, "kunt", r"\bje kunt (?:je |uw )?(?:volledige |gehele )?(?:inleg|geld|investering)"),
    (_RISK, "resultaten", r"in het verleden behaalde resultaten bieden geen garantie"),
    (_RISK, "cfd cfds", r"(?:cfd|cfds|cfd's) zijn complexe instrumenten"),
    # French
    (_RISK, "perdre", r"\bvous (?:pouvez|pourriez|risquez de) perdre"),
    (_RISK, "performances", r"performances passées ne (?:préjugent|sont|constituent) pas"),
    (_RISK, "cfd", r"cfd sont des instruments complexes"),
    (_RISK, "risque", r"\bcapital (?:est )?à risque"),
    # Spanish
    (_RISK, "perder", r"\b(?:puedes|podrías|puede usted|podría usted) perder"),
    (_RISK, "perder", r"\binvierta solo lo que pueda permitirse perder|"
                      r"\bsolo invierte lo que puedas permitirte perder"),
    (_RISK, "rentabilidad rentabilidades", r"(?:rentabilidad|rentabilidades) pasadas? no (?:garantiza|es garantía|"
                                           r"es indicativ)"),
    (_RISK, "cfd", r"los cfd son instrumentos complejos"),
    # Portuguese
    (_RISK, "perder", r"\b(?:você )?(?:pode|poderá) perder (?:todo|toda|parte|a totalidade)"),
    (_RISK, "rentabilidade", r"rentabilidade passada não é garantia"),
    # Italian
    (_RISK, "perdere", r"\b(?:puoi|potresti) perdere"),
    (_RISK, "rendimenti risultati", r"(?:rendimenti|risultati) passati non (?:sono|costituiscono|garantiscono)"),
    (_RISK, "cfd", r"i cfd sono strumenti complessi"),
    # Polish, Czech, Romanian, Hungarian, Swedish
    (_RISK, "stracić", r"\bmożesz stracić"),
    (_RISK, "wyniki", r"wyniki (?:historyczne|osiągnięte w przeszłości) nie (?:są|stanowią) gwarancj"),
    (_RISK, "cfd", r"cfd (?:to|są) złożon"),
    (_RISK, "přijít ztratit", r"\bmůžete (?:přijít o|ztratit)"),
    (_RISK, "výnosy", r"minulé výnosy nejsou zárukou"),
    (_RISK, "pierde", r"\b(?:poți|puteți) pierde"),
    (_RISK, "performanțele", r"performanțele (?:anterioare|trecute) nu"),
    (_RISK, "elveszítheted elveszítheti", r"\b(?:elveszítheted|elveszítheti)"),
    (_RISK, "hozamok teljesítmény", r"múltbeli (?:hozamok|teljesítmény) nem"),
    (_RISK, "förlora", r"\bdu kan förlora"),
    (_RISK, "avkastning", r"historisk avkastning är ingen garanti"),
    # Turkish, Russian, Ukrainian, Greek
    (_RISK, "kaybedebilirsiniz", r"kaybedebilirsiniz"),
    (_RISK, "performans performansı", r"geçmiş (?:performans|performansı) gelecek"),
    (_RISK, "потерять", r"\b(?:вы можете|можете) потерять"),
    (_RISK, "прошлая прошлые", r"(?:прошлая|прошлые) доходност\w* не гарантиру"),
    (_RISK, "втратити", r"\b(?:ви можете|можете) втратити"),
    (_RISK, "дохідність", r"минула дохідність не гарантує"),
    (_RISK, "χάσετε", r"μπορεί να χάσετε"),
    (_RISK, "αποδόσεις", r"προηγούμενες αποδόσεις δεν"),
    # Vietnamese, Indonesian
    (_RISK, "bạn", r"bạn có thể mất (?:toàn bộ|một phần|vốn|tiền)"),
    (_RISK, "khứ", r"(?:kết quả|lợi nhuận) (?:trong )?quá khứ không đảm bảo"),
    (_RISK, "kehilangan", r"\b(?:anda )?dapat kehilangan (?:seluruh|sebagian)"),
    (_RISK, "kinerja", r"kinerja masa lalu tidak"),
]
_RISK_UNSPACED_PHRASES = [
    (_RISK, "元本", r"元本(?:を)?(?:割り込む|割れ|失う)(?:の)?(?:おそれ|可能性|リスクがあります|ことがあります|場合があります)"),
    (_RISK, "過去の", r"過去の(?:運用)?(?:実績|成績)は(?:将来|今後)"),
    (_RISK, "投资有风险 投資有風險", r"投资有风险|投資有風險"),
    (_RISK, "入市需谨慎", r"入市需谨慎"),
    (_RISK, "过往业绩", r"过往业绩不(?:代表|预示)"),
    (_RISK, "원금", r"원금(?:의)? ?(?:손실|전부|일부)"),
    (_RISK, "수익률이", r"과거(?:의)? 수익률이 미래"),
    (_RISK, "การลงทุนมีความเสี่ยง", r"การลงทุนมีความเสี่ยง"),
    (_RISK, "ผลการดำเนินงานในอดีต", r"ผลการดำเนินงานในอดีต"),
    (_RISK, "जोखिमों", r"बा(?:ज़|ज)ार जोखिमों के अधीन"),
    (_RISK, "नुकसान", r"पूरा नुकसान हो सकता"),
    (_RISK, "تخسر", r"(?:قد )?تخسر (?:رأس مالك|جميع|كامل|كل)"),
    (_RISK, "الأداء السابق", r"الأداء السابق لا"),
]
_WORD = re.compile(r"\w+")
# Quotation marks that open or close a quote; an ASCII apostrophe only where it opens one (after a space).
# Single closing quotes are left out: "’" is also the apostrophe.
_DOUBLE_QUOTES = re.compile(r"[\"“”„«»「」『』]")
_SINGLE_QUOTES = re.compile(r"‘|(?:^|(?<=\s))'")
_UNSPACED = re.compile("[\u0590-\U0010ffff]")  # lines with such a character are also searched for the others


class _PhraseTable:
    """Phrases in lines: each searched (case folded) only in lines that hold one of its triggers."""

    def __init__(self, phrases: list, unspaced_phrases: list):
        self.words = self._by_trigger(phrases, 0)
        self.parts = self._by_trigger(unspaced_phrases, len(phrases))
        self.trigger_words = frozenset(self.words)

    @staticmethod
    def _by_trigger(phrases: list, first: int) -> dict[str, list[tuple[int, str, re.Pattern]]]:
        """trigger -> [(the phrase's place, its label, its compiled pattern)]"""
        found = {}
        for place, (label, triggers, pattern) in enumerate(phrases, start=first):
            compiled = re.compile(pattern)
            for trigger in triggers.split():
                found.setdefault(trigger, []).append((place, label, compiled))
        return found

    def label(self, text: str) -> str:
        """The label of the first phrase (in the tables' order) that ``text`` holds outside quotation marks, or
        "" (also for a line over ``DISCLAIMER_MAX_CHARS``)."""
        if len(text) > DISCLAIMER_MAX_CHARS:
            return ""
        folded = text.casefold()
        candidates = [entry for word in self.trigger_words.intersection(_WORD.findall(folded))
                      for entry in self.words[word]]
        if not folded.isascii() and _UNSPACED.search(folded):
            candidates += [entry for part, entries in self.parts.items() if part in folded for entry in entries]
        for _, label, pattern in sorted(set(candidates), key=lambda entry: entry[0]):
            found = pattern.search(folded)
            if found and not _quoted(folded[:found.start()]):
                return label
        return ""


_DISCLAIMERS = _PhraseTable(_PHRASES, _UNSPACED_PHRASES)
_RISK_WARNINGS = _PhraseTable(_RISK_PHRASES, _RISK_UNSPACED_PHRASES)


def disclaimer_label(text: str) -> str:
    """The label a site's disclaimer phrase in ``text`` names ("boilerplate"; "promo" for an affiliate line),
    "" for none: no phrase, the phrase inside quotation marks, or ``text`` too long to be a disclaimer."""
    return _DISCLAIMERS.label(text)


def is_risk_warning(text: str) -> bool:
    """Whether ``text`` holds a risk warning's words addressed to the reader (``_RISK_PHRASES``), outside
    quotation marks, in a line of at most ``DISCLAIMER_MAX_CHARS``."""
    return bool(_RISK_WARNINGS.label(text))


def risk_warnings_beside_ads(texts: Sequence[str], doc: np.ndarray | None, kept: np.ndarray,
                             removed_as_promo: np.ndarray) -> np.ndarray:
    """The kept rows right before or after a row ``removed_as_promo`` in their document that hold a risk
    warning (``is_risk_warning``): the warning that closes an ad block ("Crypto assets are highly volatile.
    You could lose all the money you invest."). ``doc`` numbers the documents (None: one)."""
    same = np.ones(max(len(texts) - 1, 0), dtype=bool) if doc is None else np.asarray(doc)[1:] == np.asarray(doc)[:-1]
    beside = np.zeros(len(texts), dtype=bool)
    beside[1:] |= removed_as_promo[:-1] & same
    beside[:-1] |= removed_as_promo[1:] & same
    found = np.zeros(len(texts), dtype=bool)
    for row in np.flatnonzero(beside & kept):
        found[row] = is_risk_warning(texts[row])
    return found


def _quoted(before: str) -> bool:
    """Whether a phrase after ``before`` stands inside quotation marks (an odd number of them opens before it)."""
    return len(_DOUBLE_QUOTES.findall(before)) % 2 == 1 or len(_SINGLE_QUOTES.findall(before)) % 2 == 1


def edge_disclaimers(texts: Sequence[str], doc: np.ndarray | None, kept: np.ndarray,
                     removable: np.ndarray) -> np.ndarray:
    """Per row, the label (``disclaimer_label``) of a kept and ``removable`` line at the edge of its document's
    kept lines, "" for the others. From the last kept line back and from the first one on, a line with a
    phrase is taken and the walk goes on, a kept line under ``EDGE_SKIP_CHARS`` characters is passed over,
    and any other kept line ends it. ``doc`` numbers the documents (None: one)."""
    labels = np.full(len(texts), "", dtype=object)
    bounds = document_bounds(np.zeros(len(texts), dtype=int) if doc is None else np.asarray(doc))
    kept_rows = np.flatnonzero(kept)
    for start, stop in zip(np.searchsorted(kept_rows, bounds[:-1]), np.searchsorted(kept_rows, bounds[1:])):
        rows = kept_rows[start:stop].tolist()
        for walk in (reversed(rows), rows):
            for row in walk:
                if labels[row]:  # met from the other end: every kept line of the document was read
                    break
                label = disclaimer_label(texts[row])
                if label:
                    if removable[row]:
                        labels[row] = label
                    continue
                if len(texts[row]) >= EDGE_SKIP_CHARS:
                    break
    return labels
