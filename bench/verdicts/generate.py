#!/usr/bin/env python3
"""Generates a large corpus of court-decision-like texts as JSON lines, for the verdict analysis throughput bench.

Documents open with a court and its seat, as decisions do, and go on with the sentences of the labelled corpus (tests/Workbridge.Core.Tests/Verdicts/Corpus), about
four in five Russian, with names, dates and sums varied, and with sentences of filler made of 400,000 invented words,
drawn with Zipf's law (frequency falling as one over the rank: a few words everywhere, a long tail of rare ones), so
the analyser meets a vocabulary that keeps growing as real court texts make it do (about half a million distinct forms
in 500 MB, as in real Russian text of that size). The invented words are the opening of one real word joined to the
ending of another (real words from the labelled corpus and the stemmer test vocabularies), so they begin and end as
Russian and English words do: random letters would be ruled out by the analyser's filter on openings far more often
than real words are. Deterministic for a given seed.

    python3 generate.py --megabytes 500 --out /tmp/verdicts.jsonl [--seed 1]
"""
import argparse, glob, json, os, random, re

parser = argparse.ArgumentParser()
parser.add_argument("--megabytes", type=int, default=500)
parser.add_argument("--out", required=True)
parser.add_argument("--seed", type=int, default=1)
args = parser.parse_args()
rng = random.Random(args.seed)

corpus = os.path.join(os.path.dirname(os.path.abspath(__file__)), "..", "..", "tests", "Workbridge.Core.Tests", "Verdicts", "Corpus")
sentences = {"ru": [], "en": []}
for path in sorted(glob.glob(os.path.join(corpus, "*.txt"))):
    language = "en" if os.path.basename(path).startswith("en-") else "ru"
    text = open(path, encoding="utf-8").read()
    sentences[language] += [s.strip() for s in re.split(r"(?<=[.!?])\s+(?=[А-ЯA-Z«])", text) if len(s.strip()) > 20]

stemming = os.path.join(corpus, "..", "..", "Stemming")
real = {"ru": set(), "en": set()}
for language, pattern in (("ru", "[а-яё]{4,}"), ("en", "[a-z]{4,}")):
    for path in glob.glob(os.path.join(stemming, f"snowball-*-{language}.txt")):
        real[language].update(re.findall(pattern, open(path, encoding="utf-8").read().lower()))
    for sentence in sentences[language]:
        real[language].update(re.findall(pattern, sentence.lower()))
real = {language: sorted(words) for language, words in real.items()}

def word(language):
    # The opening of one real word and the ending of another: "работ" + "ающими", "forc" + "ement".
    head, tail = rng.choice(real[language]), rng.choice(real[language])
    return head[:rng.randint(3, len(head) - 1)] + tail[rng.randint(1, len(tail) - 2):]
vocabulary = {"ru": [word("ru") for _ in range(400000)], "en": [word("en") for _ in range(80000)]}
numbers = [str(n) for n in range(1, 100000)]
surnames = ["Иванов", "Петров", "Сидоров", "Магомедов", "Кузнецов", "Смирнов", "Попов", "Васильев", "Соколов", "Михайлов"]

boilerplate = {
    "ru": [
        "Подсудимый в судебном заседании вину в предъявленном обвинении признал полностью, от дачи показаний отказался, воспользовавшись правом, предоставленным ему статьей 51 Конституции Российской Федерации.",
        "В соответствии с ч. 1 ст. 281 УПК РФ с согласия сторон оглашены показания свидетеля, данные им в ходе предварительного следствия.",
        "При назначении наказания суд учитывает характер и степень общественной опасности совершенного преступления, данные о личности подсудимого, влияние назначенного наказания на его исправление и на условия жизни его семьи.",
        "Обстоятельствами, смягчающими наказание, суд признает активное способствование раскрытию и расследованию преступления, наличие малолетних детей, состояние здоровья подсудимого.",
        "Обстоятельств, отягчающих наказание, судом не установлено.",
        "Вещественные доказательства по делу: детализацию телефонных соединений хранить при уголовном деле.",
        "Приговор может быть обжалован в апелляционном порядке в течение пятнадцати суток со дня его провозглашения.",
        "Оснований для применения положений ст. 64, 73 УК РФ, а также для изменения категории преступления суд не усматривает.",
        "Согласно заключению судебно-психиатрической экспертизы подсудимый каким-либо психическим расстройством не страдал и не страдает.",
        "Меру пресечения в виде заключения под стражу до вступления приговора в законную силу оставить без изменения.",
    ],
    "en": [
        "The defendant pleaded guilty and declined to testify under Article 51 of the Constitution of the Russian Federation.",
        "With the consent of the parties, the statements of the witness given during the preliminary investigation were read out.",
        "In determining the sentence, the court takes into account the nature and degree of public danger of the offence and the personality of the defendant.",
        "The court finds no aggravating circumstances.",
        "The judgment may be appealed within fifteen days of its pronouncement.",
    ],
}

def vary(sentence):
    sentence = re.sub(r"(?<![Сс]т\. )(?<!ст\.)(?<!Article )(?<![\d.])\d{2,}(?![\d.])", lambda m: str(zipf(numbers)), sentence)
    return re.sub(r"\b(Гасанов|Климов|Ковалев|Арутюнян|Лаптев|Юсупов|Гусев|Беляев|Егоров|Широков)\b", lambda m: rng.choice(surnames), sentence)

# Every decision opens with its court, as real ones do.
cities = {"ru": ["Перми", "Краснодара", "Омска", "Челябинска", "Новосибирска", "Екатеринбурга", "Самары", "Твери", "Барнаула", "Махачкалы"],
          "en": ["Perm", "Krasnodar", "Omsk", "Chelyabinsk", "Novosibirsk", "Yekaterinburg", "Samara", "Tver", "Barnaul", "Makhachkala"]}
districts = {"ru": ["Ленинский", "Советский", "Кировский", "Центральный", "Октябрьский"], "en": ["Lenin", "Sovetsky", "Kirov", "Central", "Oktyabrsky"]}

def header(language):
    if language == "ru":
        return f"ПРИГОВОР\nИменем Российской Федерации\n{rng.choice(districts['ru'])} районный суд г. {rng.choice(cities['ru'])} рассмотрел в открытом судебном заседании уголовное дело."
    return f"JUDGMENT\nThe {rng.choice(districts['en'])} District Court of {rng.choice(cities['en'])} heard the criminal case."

def zipf(words):
    # Word frequencies in text follow Zipf's law, frequency about 1/rank: a rank drawn log-uniformly between 1 and the
    # vocabulary's size has that distribution. (A Pareto draw of shape 1, used before, falls as 1/rank squared, which
    # left the vocabulary a few thousand words and flattered the word cache.)
    return words[min(len(words), int(len(words) ** rng.random())) - 1]

def filler(language):
    words = [zipf(vocabulary[language]) for _ in range(rng.randint(8, 25))]
    return words[0].capitalize() + " " + " ".join(words[1:]) + "."

target = args.megabytes * 1_000_000
written = 0
number = 0
with open(args.out, "w", encoding="utf-8") as out:
    while written < target:
        number += 1
        language = "en" if rng.random() < 0.2 else "ru"
        parts = [header(language)]
        for _ in range(rng.randint(20, 80)):
            roll = rng.random()
            parts.append(filler(language) if roll < 0.25 else rng.choice(boilerplate[language]) if roll < 0.6 else vary(rng.choice(sentences[language])))
        line = json.dumps({"id": f"gen-{number}", "text": "\n".join(parts), "court": "районный суд"}, ensure_ascii=False) + "\n"
        out.write(line)
        written += len(line.encode("utf-8"))
print(f"{number} documents, {written / 1e6:.1f} MB in {args.out}")
