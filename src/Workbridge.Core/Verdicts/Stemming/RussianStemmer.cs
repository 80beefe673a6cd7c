namespace Workbridge.Core.Verdicts.Stemming;

/// <summary>
/// The Snowball stemmer for Russian (M. F. Porter's algorithm as published by the Snowball project), implemented from
/// its description: endings are removed only inside RV (the part after the first vowel), derivational "ост(ь)" only
/// inside R2, and at each step the longest listed ending wins. Input is a lower-case word of Cyrillic letters; "ё" is
/// read as "е". The result is the stem, never longer than the word.
/// </summary>
public static class RussianStemmer
{
    // Group 1 endings stand after "а" or "я" (which stays); group 2 endings stand alone.
    private static readonly string[] _gerund1 = ["в", "вши", "вшись"];
    private static readonly string[] _gerund2 = ["ив", "ивши", "ившись", "ыв", "ывши", "ывшись"];
    private static readonly string[] _adjective =
    [
        "ее", "ие", "ые", "ое", "ими", "ыми", "ей", "ий", "ый", "ой", "ем", "им", "ым", "ом", "его", "ого", "ему", "ому", "их",
        "ых", "ую", "юю", "ая", "яя", "ою", "ею",
    ];

    private static readonly string[] _participle1 = ["ем", "нн", "вш", "ющ", "щ"];
    private static readonly string[] _participle2 = ["ивш", "ывш", "ующ"];
    private static readonly string[] _reflexive = ["ся", "сь"];
    private static readonly string[] _verb1 = ["ла", "на", "ете", "йте", "ли", "й", "л", "ем", "н", "ло", "но", "ет", "ют", "ны", "ть", "ешь", "нно"];
    private static readonly string[] _verb2 =
    [
        "ила", "ыла", "ена", "ейте", "уйте", "ите", "или", "ыли", "ей", "уй", "ил", "ыл", "им", "ым", "ен", "ило", "ыло", "ено", "ят",
        "ует", "уют", "ит", "ыт", "ены", "ить", "ыть", "ишь", "ую", "ю",
    ];

    private static readonly string[] _noun =
    [
        "а", "ев", "ов", "ие", "ье", "е", "иями", "ями", "ами", "еи", "ии", "и", "ией", "ей", "ой", "ий", "й", "иям", "ям", "ием", "ем",
        "ам", "ом", "о", "у", "ах", "иях", "ях", "ы", "ь", "ию", "ью", "ю", "ия", "ья", "я",
    ];

    private static readonly string[] _derivational = ["ост", "ость"];
    private static readonly string[] _superlative = ["ейш", "ейше"];

    public static string Stem(ReadOnlySpan<char> word)
    {
        Span<char> buffer = word.Length <= 128 ? stackalloc char[word.Length] : new char[word.Length];
        word.CopyTo(buffer);
        buffer.Replace('ё', 'е');
        var stem = new Word(buffer);
        stem.Run();
        return new string(buffer[..stem.Length]);
    }

    private static bool IsVowel(char c) => c is 'а' or 'е' or 'и' or 'о' or 'у' or 'ы' or 'э' or 'ю' or 'я';

    private ref struct Word
    {
        private readonly Span<char> _chars;
        private readonly int _rv;
        private readonly int _r2;

        public Word(Span<char> chars)
        {
            _chars = chars;
            Length = chars.Length;
            var at = PastVowel(chars, 0);
            _rv = at;
            at = PastNonVowel(chars, at);
            at = PastVowel(chars, at);
            _r2 = PastNonVowel(chars, at);
        }

        public int Length { get; private set; }

        public void Run()
        {
            if (!RemoveGrouped(_gerund1, _gerund2))
            {
                RemoveLongest(_reflexive);
                if (!RemoveAdjectival() && !RemoveGrouped(_verb1, _verb2))
                {
                    RemoveLongest(_noun);
                }
            }

            if (Length > _rv && _chars[Length - 1] == 'и')
            {
                Length--;
            }

            var derivational = Longest(_derivational);
            if (derivational > 0 && Length - derivational >= _r2)
            {
                Length -= derivational;
            }

            TidyUp();
        }

        private void TidyUp()
        {
            var superlative = Longest(_superlative);
            if (superlative > 0)
            {
                Length -= superlative;
                UndoubleN();
            }
            else if (Length > _rv && _chars[Length - 1] == 'н')
            {
                UndoubleN();
            }
            else if (Length > _rv && _chars[Length - 1] == 'ь')
            {
                Length--;
            }
        }

        private void UndoubleN()
        {
            if (Length - 2 >= _rv && _chars[Length - 1] == 'н' && _chars[Length - 2] == 'н')
            {
                Length--;
            }
        }

        private bool RemoveAdjectival()
        {
            var adjective = Longest(_adjective);
            if (adjective == 0)
            {
                return false;
            }

            Length -= adjective;
            RemoveGrouped(_participle1, _participle2);
            return true;
        }

        private void RemoveLongest(string[] endings) => Length -= Longest(endings);

        /// <summary>Removes the longest ending of either group; one of group 1 only after "а" or "я" inside RV.</summary>
        private bool RemoveGrouped(string[] afterAOrYa, string[] alone)
        {
            var first = Longest(afterAOrYa);
            var second = Longest(alone);
            if (second >= first && second > 0)
            {
                Length -= second;
                return true;
            }

            if (first == 0)
            {
                return false;
            }

            var before = Length - first - 1;
            if (before < _rv || _chars[before] is not ('а' or 'я'))
            {
                return false;
            }

            Length -= first;
            return true;
        }

        /// <summary>The length of the longest of <paramref name="endings"/> the word ends with inside RV, or 0.</summary>
        private readonly int Longest(string[] endings)
        {
            var best = 0;
            var word = _chars[..Length];
            foreach (var ending in endings)
            {
                if (ending.Length > best && Length - ending.Length >= _rv && word.EndsWith(ending))
                {
                    best = ending.Length;
                }
            }

            return best;
        }

        private static int PastVowel(ReadOnlySpan<char> chars, int from)
        {
            for (var i = from; i < chars.Length; i++)
            {
                if (IsVowel(chars[i]))
                {
                    return i + 1;
                }
            }

            return chars.Length;
        }

        private static int PastNonVowel(ReadOnlySpan<char> chars, int from)
        {
            for (var i = from; i < chars.Length; i++)
            {
                if (!IsVowel(chars[i]))
                {
                    return i + 1;
                }
            }

            return chars.Length;
        }
    }
}
