namespace Workbridge.Core.Verdicts;

/// <summary>What a lexicon pattern is evidence of.</summary>
public enum CueKind
{
    Indicator,
    Work,
    Compulsion,
    Form,
    Negation,
    Denial,
    Legal,

    /// <summary>
    /// Work in prospect (promised, offered, wished for): the work told after the word, up to a "но" or "однако", or up
    /// to three words before it, is not work done, nor is a debt told after it worked off.
    /// </summary>
    Prospect,

    /// <summary>
    /// Work of a convict in a penal institution, serving a court's sentence: not forced labour under ILO Convention No. 29
    /// art. 2(2)(c); the sentence's work and compulsion matches do not count.
    /// </summary>
    Prison,

    /// <summary>The prison words of the sentence are about someone's past ("ранее отбывал наказание", "released"): not prison work.</summary>
    Release,

    /// <summary>An account the court does not adopt as its finding (the indictment, an appeal's arguments): at the start of a paragraph it sets the whole paragraph aside.</summary>
    Allegation,

    /// <summary>
    /// An appeal's retelling of the judgment under appeal ("согласно приговору", "the trial court found"): an allegation
    /// when the appeal quashes or reclassifies the conviction, the facts the appeal adopts when it upholds it.
    /// </summary>
    Retelling,

    /// <summary>A ransom demanded ("требовал выкуп", "за освобождение", "ransom"): the decision is about a hostage.</summary>
    Ransom,

    /// <summary>A refusal ("отказал", "refused"): beside a prospect, an offer refused, whose work and debt were never exacted.</summary>
    Refusal,

    /// <summary>
    /// A quarrel or dispute ("ссора по поводу оплаты", "a dispute over pay"): pay withheld told in it is what the
    /// parties quarrelled about, not wages held over a worker.
    /// </summary>
    Dispute,
    /// <summary>
    /// Evidence of something is absent ("из материалов дела не следует, что …", "не установлено", "отсутствуют
    /// сведения"): a denial, which with a compulsion to work in the same sentence ("не следует, что подсудимый принуждал
    /// потерпевшую к какой-либо работе") also says that no one was made to work.
    /// </summary>
    Absence,
}
