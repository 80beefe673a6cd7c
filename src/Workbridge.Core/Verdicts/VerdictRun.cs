namespace Workbridge.Core.Verdicts;

/// <summary>
/// A whole analysis: reads the input (<see cref="VerdictSources"/>), analyses each document, writes one JSON line per
/// document and adds it to the <see cref="VerdictReport"/>; inputs that cannot be read are counted, never fatal.
/// </summary>
public static class VerdictRun
{
    /// <summary>Analyses everything under <paramref name="input"/>; <paramref name="progress"/> hears the bytes gone through.</summary>
    public static VerdictReport Analyse(string input, Stream output, VerdictAnalyser analyser, IProgress<long>? progress = null, CancellationToken cancellationToken = default)
    {
        var report = new VerdictReport();
        using var json = new VerdictJson(output);
        long done = 0;
        foreach (var read in VerdictSources.Read(input, cancellationToken))
        {
            if (read.Note is not null)
            {
                report.Notes.Add(read.Note);
            }

            var (finding, skipped) = read.Document is { } document ? AnalyseOne(analyser, document) : (null, read.Skipped);
            if (finding is not null)
            {
                json.Write(finding);
                report.Add(finding, read.Bytes);
            }
            else
            {
                report.Skip(skipped!, read.Bytes);
            }

            done += read.Bytes;
            progress?.Report(done);
        }

        return report;
    }

    /// <summary>
    /// Analyses one document; a failure of the analysis itself (a defect, not bad input) is reported as a skipped input
    /// naming the document, so that one text never stops a run of thousands.
    /// </summary>
    public static (VerdictFinding? Finding, SkippedInput? Skipped) AnalyseOne(VerdictAnalyser analyser, VerdictDocument document)
    {
        try
        {
            return (analyser.Analyse(document), null);
        }
        catch (Exception e) when (e is not OperationCanceledException and not OutOfMemoryException)
        {
            return (null, new SkippedInput(document.Id, $"the analysis failed ({e.GetType().Name}: {e.Message}); please report it with the text", "analysis failed"));
        }
    }
}
