using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Workbridge.Data;
using Workbridge.Data.Ledger;
using Workbridge.Web.Features.Ledger;

namespace Workbridge.Web.Pages.Ledger;

public sealed class IndexModel(WorkbridgeDb db, UnitOfWork unitOfWork, LedgerSigner signer) : PageModel
{
    public LedgerStatus Status { get; private set; } = null!;

    public VerificationView? Verification { get; private set; }

    public async Task OnGetAsync(CancellationToken cancellationToken) => Status = await LedgerApi.StatusAsync(db, signer, cancellationToken);

    public async Task<IActionResult> OnPostCheckpointAsync(CancellationToken cancellationToken)
    {
        await Checkpoints.CreateAsync(unitOfWork, signer.Key, cancellationToken);
        return RedirectToPage();
    }

    public async Task OnPostVerifyAsync(CancellationToken cancellationToken)
    {
        Verification = await LedgerApi.VerifyAsync(db, signer, cancellationToken);
        Status = await LedgerApi.StatusAsync(db, signer, cancellationToken);
    }
}
