using Microsoft.AspNetCore.Authentication;
using Microsoft.AspNetCore.Authentication.Cookies;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Workbridge.Web.Access;
using Workbridge.Web.Features.Accounts;
using Workbridge.Web.Localization;

namespace Workbridge.Web.Pages;

public sealed class LoginModel(AccountService accounts, LoginThrottle throttle, Texts texts) : PageModel
{
    [BindProperty]
    public string? UserName { get; set; }

    [BindProperty]
    public string? Password { get; set; }

    [BindProperty(SupportsGet = true)]
    public string? ReturnUrl { get; set; }

    public void OnGet()
    {
    }

    public async Task<IActionResult> OnPostAsync(CancellationToken cancellationToken)
    {
        var name = UserName?.Trim() ?? "";
        if (name.Length == 0 || string.IsNullOrEmpty(Password))
        {
            // Nothing was tried, so nothing counts against the throttle.
            ModelState.AddModelError("", texts["The user name or password is wrong, or the account is disabled."]);
            return Page();
        }

        var address = HttpContext.Connection.RemoteIpAddress?.ToString() ?? "unknown";
        var wait = throttle.Wait(name, address);
        if (wait > TimeSpan.Zero)
        {
            ModelState.AddModelError("", $"{texts["Too many failed attempts. Try again in minutes:"]} {Math.Ceiling(wait.TotalMinutes)}");
            Response.StatusCode = StatusCodes.Status429TooManyRequests;
            return Page();
        }

        var account = await accounts.CheckPasswordAsync(name, Password, cancellationToken);
        if (account is null)
        {
            throttle.Failed(name, address);
            ModelState.AddModelError("", texts["The user name or password is wrong, or the account is disabled."]);
            return Page();
        }

        throttle.Succeeded(name);
        await HttpContext.SignInAsync(CookieAuthenticationDefaults.AuthenticationScheme, AccountClaims.Principal(account, CookieAuthenticationDefaults.AuthenticationScheme));
        return LocalRedirect(Url.IsLocalUrl(ReturnUrl) ? ReturnUrl! : "/");
    }

    public async Task<IActionResult> OnPostSignOutAsync()
    {
        await HttpContext.SignOutAsync(CookieAuthenticationDefaults.AuthenticationScheme);
        return Redirect("/login");
    }
}
