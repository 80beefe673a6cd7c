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

            if (read.Document is { } document)
            {
                var finding = analyser.Analyse(document);
                json.Write(finding);
                report.Add(finding, read.Bytes);
            }
            else
            {
                report.Skip(read.Skipped!, read.Bytes);
            }

            done += read.Bytes;
            progress?.Report(done);
        }

        return report;
    }
}
