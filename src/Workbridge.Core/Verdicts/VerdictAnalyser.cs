using System.Buffers;
using System.Text.RegularExpressions;
using Workbridge.Core.Common;
using Workbridge.Core.Reference;

namespace Workbridge.Core.Verdicts;

/// <summary>
/// Reads a court decision for evidence of forced labour: folds the text (offsets kept), splits it into sentences and
/// words, matches the lexicon's patterns on word stems, sets aside what is negated ("не угрожал", "did not threaten"),
/// denied or refuted ("отрицал", "доводы … не нашли подтверждения") and legal formulae (citations of the Code, the
/// article's own definition), and applies <see cref="ForcedLabourRule"/>. Also extracts the articles cited, the region
/// and the form of exploitation. One instance keeps a cache of the words it has seen and is not thread-safe: use one
/// per thread; the <see cref="VerdictLexicon"/> may be shared.
/// </summary>
public sealed partial class VerdictAnalyser
{
    // The court and its seat are named at the top of a decision; the rest of the text is read for a region only when
    // the top names none (district courts are named after streets and cities of every region).
    private const int HeaderLength = 3000;
    private const int NegationWindow = 4;

    // How far after a match "не было", "не применялось" may stand in its clause: "принуждения к работе со стороны
    // руководства не было".
    private const int DeniedAfterWords = 5;
    private const int MaxWordLength = 48;
    private const int MaxCachedWords = 1 << 20;
    private const int MaxEvidencePerIndicator = 12;

    // A word of promise governs work told at most this many words before it ("работу ему обещали").
    private const int ProspectReach = 3;

    // A sentence that names the accused within its first characters (about five words) opens a paragraph of their
    // account: "Подсудимый … показал", "В судебном заседании подсудимый …", "At trial the defendant …".
    private const int AccusedOpening = 60;

    // How an item of a list of evidence opens ("показаниями свидетеля …;", "протоколом осмотра …;"): each item is a source
    // of its own, not a clause of one finding.
    private static readonly string[] EvidenceSources = ["показани", "протокол", "заключени", "копи", "сведени", "справк", "рапорт", "выписк", "заявлени", "testimony", "statement", "record", "report"];

    // How the accused and the defence are named.
    private static readonly string[] AccusedWords = ["подсудим", "обвиняем", "осужденн", "защит", "defendant", "accused", "defence", "defense"];

    // How a paragraph of the accused's account opens: named as such, or by name with a plea ("Котов А.В. вину признал
    // частично, пояснил …", "He pleaded not guilty").
    private static readonly string[] AccountWords = [.. AccusedWords, "вину признал", "вину не признал", "признал вину", "признала вину", "себя виновн", "pleaded"];

    // What opens the accused's testimony: "показал", "пояснил", "вину признал частично", "testified".
    private static readonly string[] TestimonyWords = ["показал", "пояснил", "вину", "виновным", "testif", "pleaded", "stated"];

    // A decision that tells of work in a colony, by convicts or while serving a sentence in this many sentences is about
    // prison work.
    private const int PrisonSentences = 2;

    private readonly VerdictLexicon _lexicon;
    private readonly RegionNames? _regions;
    private readonly WordCache _cache = new();
    private readonly List<TextToken> _tokens = [];
    private readonly List<SlotRef[]> _slots = [];
    private readonly List<Hit> _hits = [];
    // The patterns whose second word stands somewhere in the current sentence, as bits: a pattern whose second word is
    // nowhere is not tried from its first (most sentences have "не" or "был", which open many patterns).
    private readonly ulong[] _continued;
    private string _text = "";
    private int _sentenceStart;
    private int _prisonSentences;
    private bool _compulsionDenied;
    private bool _ransom;
    private bool _reversed;

    // What the sentence being read says besides its evidence; counted for the document unless its paragraph is alleged.
    private bool _sentenceDeniesCompulsion;
    private bool _sentenceDemandsRansom;

    // The court rejects the accused's claim that they were made to work ("доводы подсудимого о том, что он находился
    // «в рабстве», своего подтверждения не нашли").
    private bool _claimRejected;

    /// <param name="lexicon">The compiled lexicon, usually <see cref="VerdictLexicon.Default"/>.</param>
    /// <param name="regions">Region names (Workbridge.Data's ReferenceData.RussianRegionNames()); null leaves regions out.</param>
    public VerdictAnalyser(VerdictLexicon lexicon, RegionNames? regions)
    {
        _lexicon = lexicon;
        _regions = regions;
        _continued = new ulong[(lexicon.Patterns.Count + 63) / 64];
    }

    // NegatedInside: a negation stands between the pattern's words without being one of them ("did not work").
    private readonly record struct Hit(CuePattern Pattern, int First, int Last, bool NegatedInside);

    // ProspectAt: where the sentence's first word of promise, offer or wish starts (int.MaxValue for none); what is told
    // after it, up to ProspectEnd (a "но", "однако"), was promised, wished for or threatened, not done.
    private sealed record SentenceHits(int Index, int Paragraph, SentenceSpan Span, List<(CuePattern Pattern, int Start, int End)> Cues, int ProspectAt, int ProspectEnd)
    {
        // The grammatical sentence: sentences split at ";" or at a paragraph break after ":" (the items of a list of
        // findings, "а именно: – обеспечил их работой …; – хранил у себя их паспорта …") are one; not the items of a list
        // of evidence ("показаниями свидетеля …; протоколом осмотра …"), each a source of its own.
        public int Period { get; init; }

        // In a paragraph that gives the accused's own account ("Подсудимый … показал, что …").
        public bool Accused { get; init; }

        // In a paragraph that gives the accused's testimony ("Подсудимый … вину признал частично и показал, что …"), not
        // the court's findings about him ("Подсудимый … совершил использование рабского труда").
        public bool Testimony { get; init; }
    }

    [System.Runtime.CompilerServices.MethodImpl(System.Runtime.CompilerServices.MethodImplOptions.AggressiveOptimization)]
    public VerdictFinding Analyse(VerdictDocument document)
    {
        var text = document.Text;
        _text = text;
        var buffer = ArrayPool<char>.Shared.Rent(Math.Max(1, text.Length));
        try
        {
            var folded = buffer.AsSpan(0, text.Length);
            CourtText.Fold(text, folded);
            _prisonSentences = 0;
            _compulsionDenied = false;
            _ransom = false;
            _claimRejected = false;
            var sentences = CourtText.Sentences(text);
            var found = new List<SentenceHits>();

            // What the court decides (after "ПРИГОВОРИЛ:") is a sentence, not facts; an acquittal finds no crime at all.
            var operative = CourtText.OperativePart(text, folded);
            // The opening before "УСТАНОВИЛ:" names the parties, the accused's particulars ("работающего водителем",
            // "освободившегося из колонии") and the sentence appealed against: no facts.
            var opening = CourtText.Opening(text, folded, operative);
            // Reading starts on the line after the heading, even inside a sentence that runs across it.
            var readFrom = opening < 0 ? 0 : text.IndexOf('\n', opening) is var line and >= 0 ? line + 1 : text.Length;
            var acquittal = CourtText.Acquits(folded[operative..]) || CourtText.UpholdsAcquittal(folded, opening, operative);
            _reversed = CourtText.Reverses(folded[operative..]);
            // Acquitted of slave labour and convicted of something else: the facts are read, to be shown, but the court
            // found that no one's work was exacted.
            var labourAcquitted = !acquittal && CourtText.AcquitsOfSlaveLabour(text.AsSpan(operative), folded[operative..]);
            var alleged = false;
            var accused = false;
            var testimony = false;
            var paragraph = 0;
            var period = 0;
            // A text without line breaks (a JSON or CSV field) has lost its paragraphs: an allegation then covers only its
            // own sentence, not the whole decision.
            var paragraphs = text.Contains('\n');
            for (var s = 0; s < sentences.Count && sentences[s].Start < operative && !acquittal; s++)
            {
                if (sentences[s].End <= readFrom)
                {
                    continue;
                }

                // An account the court does not adopt (the indictment, an appeal's arguments) sets aside its paragraph.
                var starts = s == 0 || text.AsSpan(sentences[s - 1].End, sentences[s].Start - sentences[s - 1].End).Contains('\n');
                paragraph += starts ? 1 : 0;
                period += s > 0 && text.AsSpan(sentences[s - 1].Start, sentences[s - 1].Length).TrimEnd() is [.., ';' or ':']
                    && !CourtText.ContainsAny(folded.Slice(sentences[s].Start, Math.Min(sentences[s].Length, 16)), EvidenceSources) ? 0 : 1;
                // The sentence that holds the "ПРИГОВОРИЛ:" line ends there.
                var sentence = new SentenceSpan(Math.Max(sentences[s].Start, readFrom), Math.Min(sentences[s].End, operative));
                var (hits, allegation) = Read(folded, s, paragraph, sentence);
                alleged = paragraphs && (allegation && starts || alleged && !starts);
                var head = folded.Slice(sentence.Start, Math.Min(sentence.Length, AccusedOpening));
                accused = paragraphs && (starts ? CourtText.ContainsAny(head, AccountWords) : accused);
                testimony = paragraphs && (starts ? accused && CourtText.ContainsAny(head, TestimonyWords) : testimony);
                _compulsionDenied |= _sentenceDeniesCompulsion && !alleged;
                _ransom |= _sentenceDemandsRansom && !alleged;
                if (hits is not null && !alleged)
                {
                    found.Add(hits with { Accused = accused, Testimony = testimony, Period = period });
                }
            }

            return Decide(document, found, folded, acquittal, labourAcquitted);
        }
        finally
        {
            ArrayPool<char>.Shared.Return(buffer);
        }
    }

    /// <summary>
    /// The cues of one sentence that count as evidence, or null when there are none or it is set aside; and whether the
    /// sentence reports an allegation. Also notes whether it denies that anyone was made to work ("работать не
    /// заставлял") and whether it tells of a ransom demanded.
    /// </summary>
    [System.Runtime.CompilerServices.MethodImpl(System.Runtime.CompilerServices.MethodImplOptions.AggressiveOptimization)]
    private (SentenceHits? Hits, bool Allegation) Read(ReadOnlySpan<char> folded, int index, int paragraph, SentenceSpan sentence)
    {
        _sentenceDeniesCompulsion = false;
        _sentenceDemandsRansom = false;
        _sentenceStart = sentence.Start;
        _tokens.Clear();
        CourtText.Tokens(folded, sentence.Start, sentence.End, _tokens);
        _slots.Clear();
        var any = false;
        foreach (var token in _tokens)
        {
            var slots = Slots(folded.Slice(token.Start, token.Length), token.Plain, token.Hash);
            any |= slots.Length > 0;
            _slots.Add(slots);
        }

        if (!any)
        {
            return (null, false);
        }

        Match(folded);
        List<(CuePattern, int, int)>? cues = null;
        // Where the first word of promise, offer or wish stands: it governs the work told after it ("обещал работу на
        // стройке", "would work until"), or right before it ("работу ему обещали"), not work told earlier in the sentence
        // ("when she refused to see clients he beat her and said that everyone will find out").
        var prospectAt = int.MaxValue;
        // A convict's work in a colony under the court's sentence is not forced labour (ILO C29 art. 2(2)(c)): a sentence
        // that tells of work in a colony counts towards a decision about prison work, even one the court denies or
        // rejects ("доводы о том, что работа в исправительном учреждении является «принудиловкой», несостоятельны").
        var (prison, released, workTold, refused, dispute) = (false, false, false, false, false);
        foreach (var hit in _hits)
        {
            var kind = hit.Pattern.Kind;
            prospectAt = kind == CueKind.Prospect ? Math.Min(prospectAt, hit.First) : prospectAt;
            prison |= kind == CueKind.Prison;
            released |= kind == CueKind.Release;
            workTold |= kind is CueKind.Work or CueKind.Compulsion;
            refused |= kind == CueKind.Refusal;
            dispute |= kind == CueKind.Dispute;
        }

        var words = folded.Slice(sentence.Start, sentence.Length);

        // The court rejects a claim of the accused that they were the one made to work, coerced or kept in debt ("доводы
        // стороны защиты о том, что подсудимый находился «в рабстве», своего подтверждения не нашли", "доводы
        // подсудимого о том, что он действовал под принуждением, суд отвергает"), not one that the work was voluntary
        // ("доводы подсудимого о добровольном характере работы") or that no one was coerced ("не подвергался никакому
        // принуждению": hence "под принуждением", not any "принужд").
        if (_hits.Exists(h => h.Pattern.Kind is CueKind.Denial or CueKind.Absence)
            && (_hits.Exists(h => h.Pattern.Kind == CueKind.Compulsion || h.Pattern.Indicator == ForcedLabourIndicator.DebtBondage)
                || CourtText.ContainsAny(words, ["под принужд", "под давлени", "under duress"]))
            && CourtText.ContainsAny(words, AccusedWords) && !CourtText.ContainsAny(words, ["добровол", "voluntar"]))
        {
            foreach (var hit in _hits)
            {
                _claimRejected |= hit.Pattern.Kind is CueKind.Denial or CueKind.Absence && !Negated(folded, hit.First);
            }
        }

        // Unless the sentence speaks of someone's past ("ранее отбывал наказание", "released"); a release on parole is
        // still to come ("ходатайство об условно-досрочном освобождении", "release on parole"): the convict is serving.
        prison &= !released || CourtText.ContainsAny(words, ["досрочн", "parole"]);
        _prisonSentences += prison && workTold ? 1 : 0;

        // Its reach ends at a "но" or "однако": "обещал выплатить в конце года, однако так ничего и не заплатил" tells
        // what happened.
        var prospectEnd = _tokens.Count;
        for (var t = prospectAt == int.MaxValue ? _tokens.Count : prospectAt + 1; t < _tokens.Count; t++)
        {
            if (folded.Slice(_tokens[t].Start, _tokens[t].Length) is "но" or "однако" or "but" or "however")
            {
                prospectEnd = t;
                break;
            }
        }

        var compulsionDenied = false;
        var ransom = false;
        foreach (var hit in _hits)
        {
            switch (hit.Pattern.Kind)
            {
                case CueKind.Allegation:
                case CueKind.Retelling when _reversed:
                    return (null, true);
                case CueKind.Retelling:
                    continue;
                case CueKind.Legal:
                    return (null, false);
                case CueKind.Denial when !Negated(folded, hit.First):
                    return (null, false);
                case CueKind.Absence when !Negated(folded, hit.First):
                    foreach (var other in _hits)
                    {
                        _sentenceDeniesCompulsion |= other.Pattern.Kind == CueKind.Compulsion && !other.NegatedInside && !Negated(folded, other.First)
                            && AbsenceOf(folded, hit, other);
                    }

                    return (null, false);
                case CueKind.Ransom:
                    ransom |= !Negated(folded, hit.First);
                    continue;
                // Work promised, offered or wished for ("обещал работу", "the work would be") is not work done; nor is
                // servitude threatened right after the word of it ("говорил, что продаст в рабство на кирпичный завод").
                case CueKind.Work when hit.Last + ProspectReach >= prospectAt && hit.First < prospectEnd:
                    continue;
                case CueKind.Compulsion when hit.Pattern.Named && hit.First > prospectAt && hit.First <= prospectAt + ProspectReach:
                    continue;
                // "Держат «в рабстве»", "«это рабский труд»": someone's word for it, quoted, is not a finding of servitude.
                case CueKind.Compulsion when hit.Pattern.Named && QuotationMarks(sentence.Start, _tokens[hit.First].Start) % 2 == 1:
                    continue;
                // Read above for the whole sentence, or not evidence at all.
                case CueKind.Prospect or CueKind.Refusal or CueKind.Dispute or CueKind.Prison or CueKind.Release or CueKind.Negation or CueKind.Denial or CueKind.Absence:
                    continue;
                default:
                    if (!hit.NegatedInside && !Negated(folded, hit.First) && !DeniedAfter(folded, hit.Last))
                    {
                        (cues ??= []).Add((hit.Pattern, _tokens[hit.First].Start, _tokens[hit.Last].End));
                    }
                    else
                    {
                        compulsionDenied |= hit.Pattern.Kind == CueKind.Compulsion;
                    }

                    break;
            }
        }

        // An offer to work off a debt that was refused ("предлагала «отработать» долг, но он отказал") exacted nothing.
        if (prospectAt != int.MaxValue && refused)
        {
            cues?.RemoveAll(c => c.Item1.Kind is CueKind.Compulsion || c.Item1.Indicator is ForcedLabourIndicator.DebtBondage);
        }

        if (prison)
        {
            cues?.RemoveAll(c => c.Item1.Kind is CueKind.Work or CueKind.Compulsion);
        }

        // A quarrel over pay ("ссора по поводу оставшейся суммы оплаты … заявил, что ничего не заплатит") is a dispute
        // about wages, not wages withheld to hold a worker.
        if (dispute)
        {
            cues?.RemoveAll(c => c.Item1.Indicator is ForcedLabourIndicator.WithholdingOfWages);
        }

        // Only a sentence read to its end (not legal, denied or alleged) says these.
        (_sentenceDeniesCompulsion, _sentenceDemandsRansom) = (compulsionDenied, ransom);
        return (cues is null || cues.Count == 0 ? null : new SentenceHits(index, paragraph, sentence, cues, prospectAt == int.MaxValue ? int.MaxValue : _tokens[prospectAt].Start, prospectEnd == _tokens.Count ? int.MaxValue : _tokens[prospectEnd].Start), false);
    }

    [System.Runtime.CompilerServices.MethodImpl(System.Runtime.CompilerServices.MethodImplOptions.AggressiveOptimization)]
    private SlotRef[] Slots(ReadOnlySpan<char> token, bool plain, int hash)
    {
        if (token.Length > MaxWordLength)
        {
            return [];
        }

        if (plain && !_lexicon.MayMatch(token))
        {
            return [];
        }

        if (plain && _cache.TryGet(token, hash, out var known))
        {
            return known;
        }

        Span<char> key = stackalloc char[MaxWordLength];
        var length = plain ? token.Length : VerdictLexicon.WordKey(token, key);
        if (plain)
        {
            token.CopyTo(key);
        }
        else if (_cache.TryGet(key[..length], out var slots))
        {
            return slots;
        }

        if (_cache.Count >= MaxCachedWords)
        {
            _cache.Clear();
        }

        var found = _lexicon.Lookup(key[..length]);
        _cache.Add(key[..length], found);
        return found;
    }

    /// <summary>Every match of a pattern in the current sentence: its words in order, at most its gap apart.</summary>
    [System.Runtime.CompilerServices.MethodImpl(System.Runtime.CompilerServices.MethodImplOptions.AggressiveOptimization)]
    private void Match(ReadOnlySpan<char> folded)
    {
        _hits.Clear();
        var patterns = _lexicon.Patterns;
        var continued = _continued;
        Array.Clear(continued);
        foreach (var slots in _slots)
        {
            foreach (var reference in slots)
            {
                if (reference.Slot == 1)
                {
                    continued[reference.Pattern >> 6] |= 1UL << (reference.Pattern & 63);
                }
            }
        }

        for (var i = 0; i < _slots.Count; i++)
        {
            foreach (var start in _slots[i])
            {
                if (start.Slot != 0)
                {
                    continue;
                }

                var pattern = patterns[start.Pattern];
                if (pattern.Anchored && i != 0 || pattern.Slots > 1 && (continued[start.Pattern >> 6] & (1UL << (start.Pattern & 63))) == 0)
                {
                    continue;
                }

                var last = i;
                var negated = false;
                for (var slot = 1; slot < pattern.Slots && last >= 0; slot++)
                {
                    var next = Next(start.Pattern, slot, last + 1, Math.Min(_slots.Count - 1, last + 1 + pattern.Gap));
                    for (var between = last + 1; between < next && !negated; between++)
                    {
                        // "заставлял его, не платя, работать": a negation in a clause of its own does not negate the pattern.
                        negated = IsNegation(between) && !(between + 1 < _tokens.Count && IsOnly(folded, between + 1))
                            && (next < 0 || !ClauseBreak(folded[_tokens[between].End.._tokens[next].Start]));
                    }

                    last = next;
                }

                if (last >= 0)
                {
                    _hits.Add(new Hit(pattern, i, last, negated));
                }
            }
        }
    }

    [System.Runtime.CompilerServices.MethodImpl(System.Runtime.CompilerServices.MethodImplOptions.AggressiveOptimization)]
    private int Next(int pattern, int slot, int from, int to)
    {
        for (var j = from; j <= to; j++)
        {
            // A word's slots are sorted by pattern (VerdictLexicon.Lookup): past this pattern there is nothing to find.
            foreach (var candidate in _slots[j])
            {
                if (candidate.Pattern >= pattern)
                {
                    if (candidate.Pattern == pattern && candidate.Slot == slot)
                    {
                        return j;
                    }

                    if (candidate.Pattern > pattern)
                    {
                        break;
                    }
                }
            }
        }

        return -1;
    }

    /// <summary>
    /// A negation among the few words before the match, in the same clause, negates it: "не угрожал", "did not
    /// threaten", "без угроз"; "не только угрожал" and "not only" do not.
    /// </summary>
    [System.Runtime.CompilerServices.MethodImpl(System.Runtime.CompilerServices.MethodImplOptions.AggressiveOptimization)]
    private bool Negated(ReadOnlySpan<char> folded, int first)
    {
        // A pattern that starts with its own negation ("не платил", "without pay") already says what it means:
        // "ничего не платили" is not a double negative.
        if (IsNegation(first))
        {
            return false;
        }

        var reach = NegationWindow;
        for (var t = first - 1; t >= 0 && t >= first - reach; t--)
        {
            // "не были связаны с каким-либо принуждением": the indefinite pronoun of a negative sentence does not count
            // against the window.
            if (IsIndefinite(folded, t))
            {
                reach += 2;
                t--;
                continue;
            }

            if (!IsNegation(t))
            {
                continue;
            }

            if (ClauseBreak(folded[_tokens[t].End.._tokens[first].Start]) || JoinsAnotherVerb(folded, t, first))
            {
                return false;
            }

            return !IsOnly(folded, t + 1);
        }

        return false;
    }

    /// <summary>
    /// Whether an "и" between the negation and the match joins a verb of its own (told by its ending): "его не выпускают
    /// и заставляют работать" denies the one, not the other; in "не было угроз и насилия" the nouns share it.
    /// </summary>
    private bool JoinsAnotherVerb(ReadOnlySpan<char> folded, int negation, int first)
    {
        var and = false;
        for (var t = negation + 1; t < first; t++)
        {
            and |= folded.Slice(_tokens[t].Start, _tokens[t].Length) is "и";
        }

        var word = folded.Slice(_tokens[first].Start, _tokens[first].Length);
        return and && (word.EndsWith("л") || word.EndsWith("ла") || word.EndsWith("ли") || word.EndsWith("ют") || word.EndsWith("ут")
            || word.EndsWith("ят") || word.EndsWith("ет") || word.EndsWith("ит") || word.EndsWith("ть") || word.EndsWith("лся") || word.EndsWith("лись"));
    }

    /// <summary>
    /// Whether a compulsion is what an absence of evidence is of: it stands in the clause the absence governs, "не
    /// следует, что подсудимый принуждал потерпевшую к какой-либо работе", "отсутствуют сведения о том, что …
    /// заставлял"; not in another clause ("не следует, что потерпевшие могли уйти, так как Иванов заставлял их работать").
    /// </summary>
    private bool AbsenceOf(ReadOnlySpan<char> folded, Hit absence, Hit compulsion)
    {
        if (compulsion.First <= absence.Last)
        {
            return false;
        }

        var between = folded[_tokens[absence.Last].End.._tokens[compulsion.First].Start].TrimStart(" ,");
        if (between.StartsWith("о том", StringComparison.Ordinal))
        {
            between = between[5..].TrimStart(" ,");
        }

        var clause = between.StartsWith("что ", StringComparison.Ordinal) ? 4 : between.StartsWith("чтобы ", StringComparison.Ordinal) ? 6 : -1;
        return clause >= 0 && !ClauseBreak(between[clause..]);
    }

    /// <summary>
    /// Whether the characters between two words end a clause: punctuation, or a dash standing apart ("если что не так -
    /// она била"), not a hyphen inside a word ("не из-за угроз").
    /// </summary>
    private static bool ClauseBreak(ReadOnlySpan<char> between) =>
        between.IndexOfAny(",;:()") >= 0 || between.IndexOf(" -", StringComparison.Ordinal) >= 0 || between.IndexOf("- ", StringComparison.Ordinal) >= 0;

    /// <summary>Whether the word is the "-либо" or "-нибудь" of an indefinite pronoun ("каким-либо", "кому-либо").</summary>
    private bool IsIndefinite(ReadOnlySpan<char> folded, int token) =>
        token > 0
        && folded.Slice(_tokens[token].Start, _tokens[token].Length) is "либо" or "нибудь"
        && _tokens[token].Start > 0 && folded[_tokens[token].Start - 1] == '-';

    /// <summary>
    /// How many quotation marks the text has between two places: « » “ ” „ and the straight double quote, not the
    /// apostrophe, which folding makes a quote too ("the defendant's farm").
    /// </summary>
    private int QuotationMarks(int from, int to)
    {
        var count = 0;
        foreach (var c in _text.AsSpan(from, Math.Max(0, to - from)))
        {
            count += c is '"' or '«' or '»' or '“' or '”' or '„' ? 1 : 0;
        }

        return count;
    }

    /// <summary>"Не только", "не менее", "не покладая рук", "not only", "no less": the negation before it does not negate.</summary>
    private bool IsOnly(ReadOnlySpan<char> folded, int token) =>
        folded.Slice(_tokens[token].Start, _tokens[token].Length)
            is "только" or "лишь" or "менее" or "более" or "позднее" or "ранее" or "покладая" or "only" or "just" or "less" or "later" or "fewer";

    // "Угроз не было", "насилия не применялось": Russian often denies after the noun.
    private static readonly HashSet<string>.AlternateLookup<ReadOnlySpan<char>> _deniedAfter =
        new HashSet<string>(["было", "имелось", "имеется", "поступало", "поступали", "высказывалось", "высказывал", "применялось", "применял", "применяли", "наблюдалось", "выявлено", "установлено", "является", "являлась", "являлся", "являются", "являлись"], StringComparer.Ordinal)
            .GetAlternateLookup<ReadOnlySpan<char>>();

    private static readonly HashSet<string>.AlternateLookup<ReadOnlySpan<char>> _clauseWords =
        new HashSet<string>(["когда", "если", "что", "чтобы", "пока", "хотя", "но", "а", "потому", "поскольку", "где", "так"], StringComparer.Ordinal)
            .GetAlternateLookup<ReadOnlySpan<char>>();

    /// <summary>
    /// A match followed by "не было", "не применялось" … or "нет", in the same clause and at most two words later ("угроз
    /// и насилия к нему не применялось"), is denied.
    /// </summary>
    private bool DeniedAfter(ReadOnlySpan<char> folded, int last)
    {
        // Five words, not counting a quotation that opens right after the match: "угроз «сдать в миграционную службу» не
        // высказывал". The quotation a match ends inside closes without ending the clause ("угроз «сдать в миграционную
        // службу» не высказывал" read from "миграционную"); any other quotation mark ends it, as punctuation does.
        // Whether the match ends inside a quotation: counted only once a quotation mark is met, as most sentences have none.
        bool? inside = null;
        var quoted = false;
        var words = 0;
        for (var t = last + 1; t < _tokens.Count && words < DeniedAfterWords && t <= last + 14; t++)
        {
            var next = folded.Slice(_tokens[t].Start, _tokens[t].Length);
            var between = folded[_tokens[t - 1].End.._tokens[t].Start];
            if (QuotationMarks(_tokens[t - 1].End, _tokens[t].Start) > 0)
            {
                inside ??= QuotationMarks(_sentenceStart, _tokens[last].End) % 2 == 1;
                if (inside == true)
                {
                    inside = false;
                }
                else if (t == last + 1)
                {
                    quoted = true;
                }
                else if (quoted)
                {
                    quoted = false;
                }
                else
                {
                    return false;
                }
            }

            words += quoted ? 0 : 1;
            // A new clause ("избивал, когда денег не было") is not the match's.
            // Only punctuation ends the clause here: a dash before "не было" is the dash of a predicate ("угроз и насилия
            // - не применялось").
            if (between.IndexOfAny(",;:()") >= 0 || _clauseWords.Contains(next))
            {
                return false;
            }

            if (next is "нет" && t == last + 1
                || next is "не" && t + 1 < _tokens.Count && _deniedAfter.Contains(folded.Slice(_tokens[t + 1].Start, _tokens[t + 1].Length)))
            {
                return true;
            }
        }

        return false;
    }

    [System.Runtime.CompilerServices.MethodImpl(System.Runtime.CompilerServices.MethodImplOptions.AggressiveOptimization)]
    private bool IsNegation(int token)
    {
        foreach (var slot in _slots[token])
        {
            if (_lexicon.Patterns[slot.Pattern] is { Kind: CueKind.Negation, Slots: 1 })
            {
                return true;
            }
        }

        return false;
    }

    [System.Runtime.CompilerServices.MethodImpl(System.Runtime.CompilerServices.MethodImplOptions.AggressiveOptimization)]
    private VerdictFinding Decide(VerdictDocument document, List<SentenceHits> sentences, ReadOnlySpan<char> folded, bool acquittal, bool labourAcquitted)
    {
        // When the court rejects the accused's claim that they were the one made to work, their own account of it
        // ("он чувствовал себя «как раб»", "kept him like a slave") is no evidence either.
        if (_claimRejected)
        {
            sentences = sentences.FindAll(s => !s.Accused);
        }

        var text = document.Text;
        var relevant = new HashSet<int>();
        var workTold = new HashSet<int>();
        var paragraphs = new HashSet<int>();
        var compulsion = false;
        foreach (var sentence in sentences)
        {
            foreach (var (pattern, _, _) in sentence.Cues)
            {
                if (pattern.Kind is CueKind.Indicator or CueKind.Compulsion)
                {
                    relevant.Add(sentence.Index);
                    if (pattern.Indicator is { } told && WorkRelation.Contains(told))
                    {
                        workTold.Add(sentence.Span.Start);
                    }

                    paragraphs.Add(sentence.Paragraph);
                    compulsion |= pattern.Kind == CueKind.Compulsion;
                }
            }
        }

        // Work counts where compulsion or an indicator stands in the same paragraph or a neighbouring sentence:
        // "работающего водителем" in a defendant's particulars is not work exacted from the victim.
        var offsets = new CodePoints(text);
        var work = new List<Quote>();
        var strength = new Dictionary<ForcedLabourIndicator, bool>();
        var evidence = new List<Quote>();
        var forms = new Dictionary<ExploitationForm, int>();
        // A menace counts with the work told anywhere in its grammatical sentence (see SentenceHits.Period).
        var menaceTold = new HashSet<int>();
        var accusedTells = new HashSet<int>();
        var periods = new Dictionary<int, int>();
        foreach (var sentence in sentences)
        {
            periods[sentence.Span.Start] = sentence.Period;
            if (sentence.Testimony)
            {
                accusedTells.Add(sentence.Span.Start);
            }

            var near = paragraphs.Contains(sentence.Paragraph) || relevant.Contains(sentence.Index - 1) || relevant.Contains(sentence.Index + 1);
            foreach (var (pattern, start, end) in sentence.Cues)
            {
                switch (pattern.Kind)
                {
                    case CueKind.Compulsion:
                    case CueKind.Work when near:
                        work.Add(Item(pattern.Kind == CueKind.Compulsion ? "compulsion" : "work", sentence.Span, start, end, pattern.Kind == CueKind.Compulsion));
                        break;
                    case CueKind.Indicator:
                        var indicator = pattern.Indicator!.Value;
                        // Wages withheld presuppose work: "зарплату так и не заплатил" is work in itself; a ransom "not
                        // paid" is not, so only a sentence that names wages counts. A debt worked off is work too ("долг
                        // отрабатывал": a strong match; "должен 150 000 рублей" is a debt, not work). Neither is work when told after a word of promise or wish: "будет отрабатывать
                        // бесплатно" is a threat, "wanted to go to Poland to pay off a loan" a wish.
                        var told = end <= sentence.ProspectAt || start >= sentence.ProspectEnd;
                        if (told && (indicator == ForcedLabourIndicator.WithholdingOfWages && NamesWages(folded.Slice(sentence.Span.Start, sentence.Span.Length))
                            || indicator == ForcedLabourIndicator.DebtBondage && pattern.Strong && NamesWorkOff(folded.Slice(sentence.Span.Start, sentence.Span.Length))))
                        {
                            work.Add(Item("work", sentence.Span, start, end, false));
                        }

                        // A debt to be paid off some day is not held over anyone yet.
                        if (ForcedLabourRule.Menace.Contains(indicator) && (told || indicator != ForcedLabourIndicator.DebtBondage))
                        {
                            menaceTold.Add(sentence.Period);
                        }

                        strength[indicator] = strength.GetValueOrDefault(indicator) || pattern.Strong;
                        evidence.Add(Item(EnumText.Kebab(indicator), sentence.Span, start, end, pattern.Strong));
                        break;
                    // A workhouse is what the whole operation is, wherever the decision names it. A form named with
                    // the work itself ("заставлял заниматься попрошайничеством") weighs twice a place named beside it.
                    case CueKind.Form when near || pattern.Form == ExploitationForm.Workhouse:
                        var weight = sentence.Cues.Exists(c => c.Pattern.Kind is CueKind.Work or CueKind.Compulsion) ? 2 : 1;
                        forms[pattern.Form!.Value] = forms.GetValueOrDefault(pattern.Form!.Value) + weight;
                        break;
                }
            }
        }

        // One passing mention of a job beside the facts ("она работала продавцом") is not work exacted: the element holds
        // on compulsion, on work told twice ("пас стадо, чистил навоз"), or on work told in a sentence that shows how the
        // work itself was exploited: wages withheld, a debt worked off, excessive hours ("работал по 14 часов без
        // оплаты"). Violence or a locked door beside a job ("не пустил жену на работу, забрал телефон") says nothing of
        // work done for the offender. A convict's work under the court's sentence is not forced labour at all (ILO C29
        // art. 2(2)(c)).
        var prisonWork = _prisonSentences >= PrisonSentences;
        // Where the decision says that no one was made to work ("работать не заставлял", "no one forced them to work") and
        // nowhere that someone was, work told without compulsion is not work exacted.
        // A ransom demanded makes the decision one about a hostage: work told there without compulsion is a dispute over
        // work (a building crew that kidnapped the client who had not paid it), not work exacted from the hostage.
        // Work told only in the accused's own account ("показал, что Ерёменко долго не платил ему, хотя он работал") is
        // his own work, not work he exacted.
        var workSeen = !prisonWork
            && (compulsion || work.Select(w => w.Start).Distinct().Count() >= 2 || work.Any(w => workTold.Contains(w.Sentence.Start)))
            && (compulsion || work.Exists(w => !accusedTells.Contains(w.Sentence.Start)));
        // A demand to pay for a worker's release where wages are withheld or a debt is worked off is debt bondage, not
        // a hostage's ransom.
        var bondage = strength.ContainsKey(ForcedLabourIndicator.WithholdingOfWages) || strength.ContainsKey(ForcedLabourIndicator.DebtBondage);
        var workDenied = workSeen && !compulsion && (_compulsionDenied || _ransom && !bondage);
        var hasWork = workSeen && !workDenied;
        var (forcedLabour, reason) = acquittal
            ? (false, "acquittal: the court found no crime, so nothing in the decision is a finding of fact against the accused")
            : labourAcquitted
            ? (false, "acquitted of slave labour (art. 127.2) or of forcing into prostitution (art. 240) and convicted of something else: the court found that no one's work was exacted, so the facts of that charge are the indictment's")
            : workDenied && _ransom
            ? (false, "a ransom demanded and no one made to work: the work told is not exacted from the hostage")
            : workDenied
            ? (false, "the decision says no one was made to work, and nowhere that anyone was")
            : prisonWork
            ? (false, "work of a convict serving a sentence in a penal institution, which ILO Convention No. 29 art. 2(2)(c) excludes from forced labour")
            : ForcedLabourRule.Decide(hasWork, compulsion, work.Any(w => menaceTold.Contains(periods[w.Sentence.Start])), strength);
        ExploitationForm? form = !forcedLabour ? null
            : forms.ContainsKey(ExploitationForm.Workhouse) ? ExploitationForm.Workhouse
            : forms.Count == 0 ? ExploitationForm.Other
            : forms.OrderByDescending(f => f.Value).ThenBy(f => f.Key).First().Key;

        // The indicators are those of the forced labour found: a decision without that finding reports none (a wage
        // dispute's unpaid wages are not an indicator of forced labour there). Its evidence still shows what was read,
        // when the text tells of work, so that a monitor can see why the rule said no.
        IReadOnlyList<ForcedLabourIndicator> indicators = forcedLabour ? [.. strength.Keys.Order()] : [];
        // Sentences are copied out only for the evidence kept.
        IReadOnlyList<Evidence> kept = hasWork ? [.. Trim(evidence).Select(Materialise)] : [];
        return new VerdictFinding(document.Id, forcedLabour, indicators, Articles(document, folded), Region(document, folded), form, kept, [.. Trim(work).Select(Materialise)], reason);

        Quote Item(string code, SentenceSpan span, int start, int end, bool strong) => new(code, span, start, end, strong);

        Evidence Materialise(Quote quote) =>
            new(quote.Code, text[quote.Sentence.Start..quote.Sentence.End], offsets.At(quote.Start), offsets.At(quote.End), quote.Strong, offsets.At(quote.Sentence.Start));
    }

    /// <summary>The indicators that describe the work relation itself, not the crime around it.</summary>
    private static readonly HashSet<ForcedLabourIndicator> WorkRelation =
        [ForcedLabourIndicator.WithholdingOfWages, ForcedLabourIndicator.DebtBondage, ForcedLabourIndicator.ExcessiveOvertime];

    /// <summary>Evidence before its sentence is copied out: offsets into the text as UTF-16 indexes.</summary>
    private readonly record struct Quote(string Code, SentenceSpan Sentence, int Start, int End, bool Strong);

    /// <summary>Whether a folded sentence names wages, or pay for the work ("не платил за работу").</summary>
    private static bool NamesWages(ReadOnlySpan<char> words) =>
        CourtText.ContainsAny(words, ["зарплат", "заработн", "оплат", "оплач", "вознагражд", "бесплатн", "безвозмездн", "за работ", "за труд", "за выполненн", "wage", "salar", "earning", "for work", "for the work", "for his work", "for her work", "for their work"]);

    /// <summary>Whether a folded sentence tells of a debt worked off ("отрабатывал долг", "work off the debt").</summary>
    private static bool NamesWorkOff(ReadOnlySpan<char> words) =>
        CourtText.ContainsAny(words, ["отраб", "work off", "worked off", "work it off", "working off", "work until", "worked until"]);

    /// <summary>Overlapping evidence of one indicator is kept once (the longest), and at most a dozen per indicator.</summary>
    private static List<Quote> Trim(List<Quote> evidence)
    {
        var kept = new List<Quote>();
        foreach (var group in evidence.GroupBy(e => e.Code))
        {
            var taken = new List<Quote>();
            foreach (var item in group.OrderByDescending(e => e.End - e.Start).ThenBy(e => e.Start))
            {
                if (taken.Count < MaxEvidencePerIndicator && !taken.Any(t => t.Start < item.End && item.Start < t.End))
                {
                    taken.Add(item);
                }
            }

            kept.AddRange(taken);
        }

        return [.. kept.OrderBy(e => e.Start).ThenBy(e => e.Code, StringComparer.Ordinal)];
    }

    private static IReadOnlyList<string> Articles(VerdictDocument document, ReadOnlySpan<char> folded)
    {
        var articles = new HashSet<string>(CriminalCodeCitations.Articles(document.Text, folded), StringComparer.Ordinal);
        if (document.Metadata is { } metadata)
        {
            foreach (var (key, value) in metadata)
            {
                if (!key.Contains("article", StringComparison.OrdinalIgnoreCase) && !key.Contains("стат", StringComparison.OrdinalIgnoreCase))
                {
                    continue;
                }

                var cited = CriminalCodeCitations.Articles(value);
                // Metadata may list bare numbers ("127.2; 126").
                articles.UnionWith(cited.Count > 0 ? cited : BareArticle().Matches(value).Select(m => m.Value));
            }
        }

        return [.. articles.OrderBy(LegalReference.ArticleOrder)];
    }

    private string? Region(VerdictDocument document, ReadOnlySpan<char> folded)
    {
        if (_regions is null)
        {
            return null;
        }

        if (document.Metadata is { } metadata)
        {
            var named = string.Join(' ', metadata.Where(m => m.Key is "region" or "court" or "court_name" or "регион" or "суд").Select(m => m.Value));
            if (named.Length > 0 && _regions.Find(named) is { } fromMetadata)
            {
                return fromMetadata;
            }
        }

        return _regions.Find(folded[..Math.Min(folded.Length, HeaderLength)])
            ?? (folded.Length > HeaderLength ? _regions.Find(folded) : null);
    }

    [GeneratedRegex(@"(?<![\d.])\d{1,3}(?:\.\d{1,2})?(?![\d])", RegexOptions.CultureInvariant)]
    private static partial Regex BareArticle();

    /// <summary>UTF-16 offsets as code point offsets; the same numbers unless the text has characters beyond the BMP.</summary>
    private sealed class CodePoints(string text)
    {
        private readonly bool _plain = text.AsSpan().IndexOfAnyInRange('\ud800', '\udfff') < 0;
        private int[]? _map;

        public int At(int offset)
        {
            if (_plain)
            {
                return offset;
            }

            if (_map is null)
            {
                _map = new int[text.Length + 1];
                var points = 0;
                for (var i = 0; i < text.Length; i++)
                {
                    _map[i] = points;
                    if (!(char.IsLowSurrogate(text[i]) && i > 0 && char.IsHighSurrogate(text[i - 1])))
                    {
                        points++;
                    }
                }

                _map[text.Length] = points;
            }

            return _map[offset];
        }
    }
}
