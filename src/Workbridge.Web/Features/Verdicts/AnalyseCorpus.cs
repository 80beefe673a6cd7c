using Workbridge.Core.Verdicts;

namespace Workbridge.Web.Features.Verdicts;

/// <summary>
/// Analyses a corpus uploaded by a monitor: the files are written to a private temporary folder, read and analysed as
/// `workbridge verdicts analyse` would, and deleted. Nothing is stored: the findings go back to the page that asked.
/// </summary>
public sealed class AnalyseCorpus(RegionNames regions)
{
    /// <summary>The largest upload the page takes; larger corpora go through the command line.</summary>
    public const long MaxUploadBytes = 64L * 1024 * 1024;

    public sealed record Result(VerdictReport Report, IReadOnlyList<(VerdictFinding Finding, string Text)> Documents, TimeSpan Elapsed);

    public async Task<Result> RunAsync(IReadOnlyList<IFormFile> files, CancellationToken cancellationToken)
    {
        var folder = Directory.CreateTempSubdirectory("workbridge-verdicts-");
        try
        {
            foreach (var (file, index) in files.Select((f, i) => (f, i)))
            {
                // The client's name is kept for the report but never trusted as a path.
                var name = Path.GetFileName(file.FileName);
                var safe = string.Concat(name.Select(c => char.IsLetterOrDigit(c) || c is '.' or '-' or '_' ? c : '_'));
                var path = Path.Combine(folder.FullName, files.Count(f => Path.GetFileName(f.FileName) == name) > 1 ? $"{index}-{safe}" : safe);
                await using var target = File.Create(path);
                await file.CopyToAsync(target, cancellationToken);
            }

            var started = System.Diagnostics.Stopwatch.StartNew();
            var analyser = new VerdictAnalyser(VerdictLexicon.Default, regions);
            var report = new VerdictReport();
            var documents = new List<(VerdictFinding, string)>();
            await Task.Run(() =>
            {
                foreach (var read in VerdictSources.Read(folder.FullName, cancellationToken))
                {
                    if (read.Note is not null)
                    {
                        report.Notes.Add(read.Note);
                    }

                    var (finding, skipped) = read.Document is { } document ? VerdictRun.AnalyseOne(analyser, document) : (null, read.Skipped);
                    if (finding is not null)
                    {
                        report.Add(finding, read.Bytes);
                        documents.Add((finding, read.Document!.Text));
                    }
                    else
                    {
                        report.Skip(skipped!, read.Bytes);
                    }
                }
            }, cancellationToken);
            return new Result(report, documents, started.Elapsed);
        }
        finally
        {
            folder.Delete(recursive: true);
        }
    }
}
