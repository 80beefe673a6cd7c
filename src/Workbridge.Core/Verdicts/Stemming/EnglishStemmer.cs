namespace Workbridge.Core.Verdicts.Stemming;

/// <summary>
/// The Porter2 ("english") stemmer of the Snowball project, implemented from its published description: the
/// exceptional forms first, then steps 0 to 5 on the regions R1 and R2, the longest listed suffix winning at each step.
/// Input is a lower-case word of Latin letters (an apostrophe may stand inside); words of one or two letters are
/// returned as they are.
/// </summary>
public static class EnglishStemmer
{
    private static readonly Dictionary<string, string> _exceptions = new(StringComparer.Ordinal)
    {
        ["skis"] = "ski", ["skies"] = "sky", ["dying"] = "die", ["lying"] = "lie", ["tying"] = "tie", ["idly"] = "idl",
        ["gently"] = "gentl", ["ugly"] = "ugli", ["early"] = "earli", ["only"] = "onli", ["singly"] = "singl",
        ["sky"] = "sky", ["news"] = "news", ["howe"] = "howe", ["atlas"] = "atlas", ["cosmos"] = "cosmos", ["bias"] = "bias",
        ["andes"] = "andes",
    };

    /// <summary>The exceptional forms and their stems, which no step makes.</summary>
    public static IReadOnlyDictionary<string, string> Exceptions { get; } = _exceptions.AsReadOnly();

    // Left as they are after step 1a.
    private static readonly HashSet<string> _invariantAfter1A = new(StringComparer.Ordinal)
    {
        "inning", "outing", "canning", "herring", "earring", "proceed", "exceed", "succeed",
    };

    private static readonly string[] _step1A = ["sses", "ied", "ies", "s", "us", "ss"];
    private static readonly string[] _step1B = ["eed", "eedly", "ed", "edly", "ing", "ingly"];

    private static readonly (string Suffix, string Replacement)[] _step2 =
    [
        ("tional", "tion"), ("enci", "ence"), ("anci", "ance"), ("abli", "able"), ("entli", "ent"), ("izer", "ize"),
        ("ization", "ize"), ("ational", "ate"), ("ation", "ate"), ("ator", "ate"), ("alism", "al"), ("aliti", "al"),
        ("alli", "al"), ("fulness", "ful"), ("ousli", "ous"), ("ousness", "ous"), ("iveness", "ive"), ("iviti", "ive"),
        ("biliti", "ble"), ("bli", "ble"), ("ogi", "og"), ("fulli", "ful"), ("lessli", "less"), ("li", ""),
    ];

    private static readonly (string Suffix, string Replacement)[] _step3 =
    [
        ("tional", "tion"), ("ational", "ate"), ("alize", "al"), ("icate", "ic"), ("iciti", "ic"), ("ical", "ic"),
        ("ful", ""), ("ness", ""), ("ative", ""),
    ];

    private static readonly string[] _step4 =
    [
        "al", "ance", "ence", "er", "ic", "able", "ible", "ant", "ement", "ment", "ent", "ism", "ate", "iti", "ous", "ive",
        "ize", "ion",
    ];

    public static string Stem(ReadOnlySpan<char> word)
    {
        if (word.Length > 0 && word[0] == '\'')
        {
            word = word[1..];
        }

        if (word.Length <= 2)
        {
            return new string(word);
        }

        var text = new string(word);
        if (_exceptions.TryGetValue(text, out var exceptional))
        {
            return exceptional;
        }

        var stem = new Word(text);
        return stem.Run();
    }

    private static bool IsVowel(char c) => c is 'a' or 'e' or 'i' or 'o' or 'u' or 'y';

    private sealed class Word
    {
        private readonly System.Text.StringBuilder _chars;
        private readonly int _r1;
        private readonly int _r2;

        public Word(string text)
        {
            _chars = new System.Text.StringBuilder(text);
            // A y at the start or after a vowel is a consonant: written Y until the end.
            for (var i = 0; i < _chars.Length; i++)
            {
                if (_chars[i] == 'y' && (i == 0 || IsVowel(_chars[i - 1])))
                {
                    _chars[i] = 'Y';
                }
            }

            var at = text.StartsWith("gener", StringComparison.Ordinal) || text.StartsWith("arsen", StringComparison.Ordinal) ? 5
                : text.StartsWith("commun", StringComparison.Ordinal) ? 6
                : PastNonVowel(PastVowel(0));
            _r1 = at;
            _r2 = PastNonVowel(PastVowel(at));
        }

        private int Length => _chars.Length;

        public string Run()
        {
            Step0();
            Step1A();
            if (_invariantAfter1A.Contains(_chars.ToString()))
            {
                return _chars.ToString();
            }

            Step1B();
            Step1C();
            Step2();
            Step3();
            Step4();
            Step5();
            return _chars.ToString().Replace('Y', 'y');
        }

        private void Step0()
        {
            foreach (var suffix in (ReadOnlySpan<string>)["'s'", "'s", "'"])
            {
                if (EndsWith(suffix))
                {
                    _chars.Length -= suffix.Length;
                    return;
                }
            }
        }

        private void Step1A()
        {
            switch (Longest(_step1A))
            {
                case "sses":
                    _chars.Length -= 2;
                    break;
                case "ied" or "ies":
                    _chars.Length -= 3;
                    _chars.Append(Length > 1 ? "i" : "ie");
                    break;
                case "s":
                    // Only when a vowel stands before the letter preceding the s: "gas" stays, "gaps" loses it.
                    if (HasVowel(0, Length - 2))
                    {
                        _chars.Length--;
                    }

                    break;
            }
        }

        private void Step1B()
        {
            var suffix = Longest(_step1B);
            if (suffix is null)
            {
                return;
            }

            var start = Length - suffix.Length;
            if (suffix is "eed" or "eedly")
            {
                if (start >= _r1)
                {
                    _chars.Length = start;
                    _chars.Append("ee");
                }

                return;
            }

            if (!HasVowel(0, start))
            {
                return;
            }

            _chars.Length = start;
            if (EndsWith("at") || EndsWith("bl") || EndsWith("iz"))
            {
                _chars.Append('e');
            }
            else if (Length >= 2 && _chars[^1] == _chars[^2] && _chars[^1] is 'b' or 'd' or 'f' or 'g' or 'm' or 'n' or 'p' or 'r' or 't')
            {
                _chars.Length--;
            }
            else if (_r1 == Length && EndsInShortSyllable())
            {
                _chars.Append('e');
            }
        }

        private void Step1C()
        {
            if (Length > 2 && _chars[^1] is 'y' or 'Y' && !IsVowel(_chars[^2]))
            {
                _chars[^1] = 'i';
            }
        }

        private void Step2()
        {
            var (suffix, replacement) = Longest(_step2);
            if (suffix is null || Length - suffix.Length < _r1)
            {
                return;
            }

            var start = Length - suffix.Length;
            if (suffix == "ogi" && (start == 0 || _chars[start - 1] != 'l'))
            {
                return;
            }

            if (suffix == "li" && (start == 0 || _chars[start - 1] is not ('c' or 'd' or 'e' or 'g' or 'h' or 'k' or 'm' or 'n' or 'r' or 't')))
            {
                return;
            }

            _chars.Length = start;
            _chars.Append(replacement);
        }

        private void Step3()
        {
            var (suffix, replacement) = Longest(_step3);
            if (suffix is null || Length - suffix.Length < _r1 || (suffix == "ative" && Length - suffix.Length < _r2))
            {
                return;
            }

            _chars.Length -= suffix.Length;
            _chars.Append(replacement);
        }

        private void Step4()
        {
            var suffix = Longest(_step4);
            if (suffix is null || Length - suffix.Length < _r2)
            {
                return;
            }

            var start = Length - suffix.Length;
            if (suffix == "ion" && (start == 0 || _chars[start - 1] is not ('s' or 't')))
            {
                return;
            }

            _chars.Length = start;
        }

        private void Step5()
        {
            if (EndsWith("e"))
            {
                var start = Length - 1;
                if (start >= _r2 || (start >= _r1 && !EndsInShortSyllable(start)))
                {
                    _chars.Length = start;
                }
            }
            else if (EndsWith("l") && Length - 1 >= _r2 && Length >= 2 && _chars[^2] == 'l')
            {
                _chars.Length--;
            }
        }

        /// <summary>
        /// Whether the word up to <paramref name="end"/> ends in a short syllable: non-vowel, vowel, non-vowel other
        /// than w, x or Y; or, at the very start, a vowel and a non-vowel.
        /// </summary>
        private bool EndsInShortSyllable(int end = -1)
        {
            if (end < 0)
            {
                end = Length;
            }

            if (end >= 3)
            {
                var (a, b, c) = (_chars[end - 3], _chars[end - 2], _chars[end - 1]);
                if (!IsVowel(a) && IsVowel(b) && !IsVowel(c) && c is not ('w' or 'x' or 'Y'))
                {
                    return true;
                }
            }

            return end == 2 && IsVowel(_chars[0]) && !IsVowel(_chars[1]);
        }

        private bool HasVowel(int from, int to)
        {
            for (var i = from; i < to; i++)
            {
                if (IsVowel(_chars[i]))
                {
                    return true;
                }
            }

            return false;
        }

        private bool EndsWith(string suffix)
        {
            if (suffix.Length > _chars.Length)
            {
                return false;
            }

            for (var i = 0; i < suffix.Length; i++)
            {
                if (_chars[_chars.Length - suffix.Length + i] != suffix[i])
                {
                    return false;
                }
            }

            return true;
        }

        private string? Longest(string[] suffixes)
        {
            string? best = null;
            foreach (var suffix in suffixes)
            {
                if ((best is null || suffix.Length > best.Length) && EndsWith(suffix))
                {
                    best = suffix;
                }
            }

            return best;
        }

        private (string? Suffix, string Replacement) Longest((string Suffix, string Replacement)[] rules)
        {
            (string? Suffix, string Replacement) best = (null, "");
            foreach (var rule in rules)
            {
                if ((best.Suffix is null || rule.Suffix.Length > best.Suffix.Length) && EndsWith(rule.Suffix))
                {
                    best = rule;
                }
            }

            return best;
        }

        private int PastVowel(int from)
        {
            for (var i = from; i < _chars.Length; i++)
            {
                if (IsVowel(_chars[i]))
                {
                    return i + 1;
                }
            }

            return _chars.Length;
        }

        private int PastNonVowel(int from)
        {
            for (var i = from; i < _chars.Length; i++)
            {
                if (!IsVowel(_chars[i]))
                {
                    return i + 1;
                }
            }

            return _chars.Length;
        }
    }
}
