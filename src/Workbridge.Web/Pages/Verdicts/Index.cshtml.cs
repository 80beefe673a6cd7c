using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Workbridge.Core.Verdicts;
using Workbridge.Web.Features.Verdicts;

namespace Workbridge.Web.Pages.Verdicts;

[RequestSizeLimit(AnalyseCorpus.MaxUploadBytes)]
[RequestFormLimits(MultipartBodyLengthLimit = AnalyseCorpus.MaxUploadBytes)]
public sealed class IndexModel(AnalyseCorpus analyse) : PageModel
{
    /// <summary>How many documents the page lists; the report counts all of them.</summary>
    public const int Listed = 500;

    public AnalyseCorpus.Result? Result { get; private set; }

    public string? Problem { get; private set; }

    public void OnGet()
    {
    }

    public async Task OnPostAsync(List<IFormFile>? files, CancellationToken cancellationToken)
    {
        if (files is null || files.Count == 0 || files.All(f => f.Length == 0))
        {
            Problem = "Choose one or more files: .txt or .html decisions, a .jsonl file or a .csv file.";
            return;
        }

        Result = await analyse.RunAsync(files, cancellationToken);
    }

    /// <summary>
    /// A sentence cut into plain and highlighted pieces: each piece of evidence marks the words it quotes, with the
    /// indicators it stands for.
    /// </summary>
    public static IEnumerable<(string Text, string? Indicators)> Highlight(IReadOnlyList<Evidence> evidence)
    {
        var sentence = evidence[0].Sentence;
        var offset = evidence[0].SentenceStart;
        var at = 0;
        foreach (var group in evidence.GroupBy(e => (Start: Math.Clamp(e.Start - offset, 0, sentence.Length), End: Math.Clamp(e.End - offset, 0, sentence.Length))).OrderBy(g => g.Key.Start))
        {
            if (group.Key.Start < at || group.Key.End <= group.Key.Start)
            {
                continue;
            }

            yield return (sentence[at..group.Key.Start], null);
            yield return (sentence[group.Key.Start..group.Key.End], string.Join(", ", group.Select(e => e.Indicator).Distinct()));
            at = group.Key.End;
        }

        yield return (sentence[at..], null);
    }
}
