using System.Globalization;
using System.Security.Claims;
using Microsoft.AspNetCore.Authentication;
using Microsoft.AspNetCore.Authentication.Cookies;
using System.Text.Json;
using System.Text.Json.Serialization;
using Microsoft.AspNetCore.Localization;
using Microsoft.EntityFrameworkCore;
using Workbridge.Data;
using Workbridge.Data.Seeding;
using Workbridge.Data.Storage;
using Workbridge.Web.Access;
using Workbridge.Web.Features;
using Workbridge.Web.Features.Accounts;
using Workbridge.Web.Features.Facilities;
using Workbridge.Web.Features.Ledger;
using Workbridge.Web.Features.People;
using Workbridge.Web.Features.Reference;
using Workbridge.Web.Localization;

namespace Workbridge.Web;

/// <summary>Builds the web application; `dotnet run --project src/Workbridge.Web`, `workbridge serve` and the tests all start it here.</summary>
public static class WorkbridgeApp
{
    public static WebApplication Build(string[] args, Action<WebApplicationBuilder>? configure = null)
    {
        var builder = WebApplication.CreateBuilder(new WebApplicationOptions
        {
            Args = args,
            ApplicationName = typeof(WorkbridgeApp).Assembly.GetName().Name,
            ContentRootPath = AppContext.BaseDirectory,
        });
        configure?.Invoke(builder);

        var database = Database.FromConfiguration(builder.Configuration);
        builder.Services.AddSingleton(database);
        builder.Services.AddDbContext<WorkbridgeDb>(database.Configure);
        // Tests put their own clock in first.
        Microsoft.Extensions.DependencyInjection.Extensions.ServiceCollectionDescriptorExtensions.TryAddSingleton(builder.Services, TimeProvider.System);
        builder.Services.AddScoped<UnitOfWork>();
        builder.Services.AddSingleton<CurrentActor>();
        builder.Services.AddScoped<AccountService>();
        builder.Services.AddSingleton<LoginThrottle>();
        AddAuthentication(builder.Services);
        builder.Services.AddAuthorization(Policies.Add);
        builder.Services.AddScoped<SavePerson>();
        builder.Services.AddScoped<RecordMovement>();
        builder.Services.AddScoped<PersonReader>();
        builder.Services.AddScoped<PersonalData>();

        builder.Services.AddScoped<FacilitiesFeature>();
        builder.Services.AddScoped<Features.Work.WorkReader>();
        builder.Services.AddScoped<Features.Work.Openings>();
        builder.Services.AddScoped<Features.Work.Placements>();
        builder.Services.AddScoped<Features.Work.Timesheets>();
        builder.Services.AddScoped<Features.Work.PayRuns>();
        builder.Services.AddScoped<Features.Matching.MatchRuns>();
        builder.Services.AddSingleton<Features.Matching.CandidateIndexCache>();
        builder.Services.AddSingleton<Texts>();
        builder.Services.AddSingleton<LedgerSigner>();
        builder.Services.AddSingleton(_ => Workbridge.Data.Reference.ReferenceData.RussianRegionNames());
        builder.Services.AddScoped<Features.Verdicts.AnalyseCorpus>();
        if (builder.Configuration.GetValue("Workbridge:BackgroundJobs", true))
        {
            builder.Services.AddHostedService<CheckpointService>();
            builder.Services.AddHostedService<RetentionService>();
        }
        // Cyrillic as text, not as &#x...; entities: pages stay readable and a third smaller.
        builder.Services.Configure<Microsoft.Extensions.WebEncoders.WebEncoderOptions>(options =>
            options.TextEncoderSettings = new System.Text.Encodings.Web.TextEncoderSettings(System.Text.Unicode.UnicodeRanges.All));

        builder.Services.AddProblemDetails();
        // Let malformed bodies reach ProblemMapping, which names the JSON field at fault.
        builder.Services.Configure<Microsoft.AspNetCore.Routing.RouteHandlerOptions>(options => options.ThrowOnBadRequest = true);
        builder.Services.AddExceptionHandler<ProblemMapping>();
        builder.Services.ConfigureHttpJsonOptions(options =>
        {
            options.SerializerOptions.Converters.Add(new JsonStringEnumConverter(JsonNamingPolicy.KebabCaseLower, allowIntegerValues: false));
        });
        builder.Services.AddOpenApi("v1", options => options.AddDocumentTransformer((document, _, _) =>
        {
            document.Info.Title = "Workbridge API";
            document.Info.Description = "The registry of facilities, people and movements of a correctional service. Enumerations are kebab-case words; times are UTC; money is integer minor units.";
            return Task.CompletedTask;
        }));
        builder.Services.AddRazorPages(options =>
        {
            options.Conventions.ConfigureFilter(new Microsoft.AspNetCore.Mvc.AutoValidateAntiforgeryTokenAttribute());
            options.Conventions.AddPageRoute("/People/Edit", "/people/new");
            options.Conventions.AuthorizeFolder("/People", Policies.RegistryRead);
            options.Conventions.AuthorizePage("/People/Edit", Policies.RegistryWrite);
            options.Conventions.AuthorizePage("/People/Movement", Policies.RegistryWrite);
            options.Conventions.AuthorizeFolder("/Facilities", Policies.FacilitiesRead);
            options.Conventions.AuthorizeFolder("/Ledger", Policies.Ledger);
            options.Conventions.AuthorizeFolder("/Work", Policies.WorkRead);
            options.Conventions.AuthorizePage("/Work/NewOrder", Policies.OrdersManage);
            options.Conventions.AuthorizePage("/Work/Contracts", Policies.WorkStaff);
            options.Conventions.AuthorizePage("/Work/Match", Policies.WorkStaff);
            options.Conventions.AuthorizePage("/Work/Pay", Policies.PayRead);
            options.Conventions.AuthorizePage("/Work/Payslip", Policies.PayRead);
            options.Conventions.AuthorizeFolder("/Verdicts", Policies.Verdicts);
            options.Conventions.AllowAnonymousToPage("/Login");
            options.Conventions.AllowAnonymousToPage("/NotFound");
            options.Conventions.AllowAnonymousToPage("/Status");
        });
        builder.Services.Configure<RequestLocalizationOptions>(options =>
        {
            var cultures = new[] { new CultureInfo("en"), new CultureInfo("ru") };
            options.DefaultRequestCulture = new RequestCulture("en");
            options.SupportedCultures = cultures;
            options.SupportedUICultures = cultures;
            options.RequestCultureProviders = [new CookieRequestCultureProvider(), new AcceptLanguageHeaderRequestCultureProvider()];
        });

        var app = builder.Build();
        app.UseExceptionHandler();
        app.UseWhen(c => c.Request.Path.StartsWithSegments("/api"), api => api.UseStatusCodePages());
        app.UseWhen(c => !c.Request.Path.StartsWithSegments("/api"), site => site.UseStatusCodePagesWithReExecute("/status/{0}"));
        app.UseRequestLocalization();
        app.Use(async (context, next) =>
        {
            var headers = context.Response.Headers;
            headers.XContentTypeOptions = "nosniff";
            headers["Referrer-Policy"] = "no-referrer";
            headers.XFrameOptions = "DENY";
            headers.ContentSecurityPolicy = "default-src 'self'; img-src 'self' data:; style-src 'self'; script-src 'self'; frame-ancestors 'none'; form-action 'self'; base-uri 'none'";
            // Pages and API answers carry personal data: no browser or proxy may keep a copy. Only the assets may be cached.
            headers.CacheControl = context.Request.Path.StartsWithSegments("/assets") ? "public, max-age=3600" : "no-store";
            await next();
        });
        app.UseRouting();
        app.UseAuthentication();
        app.UseAuthorization();
        app.UseAntiforgery();

        app.MapOpenApi("/openapi/{documentName}.json").AllowAnonymous();
        app.MapGet("/healthz", async (WorkbridgeDb db, CancellationToken cancellationToken) =>
                await db.Database.CanConnectAsync(cancellationToken) ? Results.Text("ok") : Results.Text("database unreachable", statusCode: StatusCodes.Status503ServiceUnavailable))
            .AllowAnonymous()
            .ExcludeFromDescription();
        app.MapGet("/assets/{name}", (string name) => Assets.Serve(name)).AllowAnonymous().ExcludeFromDescription();
        app.MapGet("/language/{code}", (HttpContext context, string code, string? back) =>
            {
                var culture = code == "ru" ? "ru" : "en";
                context.Response.Cookies.Append(CookieRequestCultureProvider.DefaultCookieName, CookieRequestCultureProvider.MakeCookieValue(new RequestCulture(culture)), new CookieOptions { IsEssential = true, HttpOnly = true, SameSite = SameSiteMode.Lax, MaxAge = TimeSpan.FromDays(365) });
                var local = back is { Length: > 0 } && back.StartsWith('/') && !back.StartsWith("//", StringComparison.Ordinal) && !back.StartsWith("/\\", StringComparison.Ordinal);
                return Results.Redirect(local ? back! : "/");
            })
            .AllowAnonymous()
            .ExcludeFromDescription();

        var api = app.MapGroup("/api/v1");
        api.MapReferenceApi();
        api.MapFacilitiesApi();
        api.MapPeopleApi();
        Features.Work.WorkApi.MapWorkApi(api);
        api.MapPost("/matching/runs", async (HttpContext http, CurrentActor actor, Features.Matching.MatchRuns runs, Features.Matching.MatchRunInput input, CancellationToken cancellationToken) =>
                TypedResults.Ok((await runs.RunAsync(actor.Get(http), input, null, cancellationToken)).Result))
            .RequireAuthorization(Policies.WorkStaff)
            .WithTags("Matching")
            .WithSummary("The optimal plan for the people of a facility (facility staff: their own), a region or the service; with propose=true each proposal is recorded as a proposed placement, which still needs the person's application and consent");
        api.MapLedgerApi();
        app.MapRazorPages();
        return app;
    }

    private static void AddAuthentication(IServiceCollection services)
    {
        const string either = "Workbridge";
        services.AddAuthentication(either)
            .AddPolicyScheme(either, either, options => options.ForwardDefaultSelector = context =>
                context.Request.Headers.Authorization.ToString().StartsWith("Bearer ", StringComparison.Ordinal) ? TokenAuthentication.SchemeName : CookieAuthenticationDefaults.AuthenticationScheme)
            .AddCookie(options =>
            {
                options.Cookie.Name = "workbridge";
                options.Cookie.HttpOnly = true;
                options.Cookie.SameSite = SameSiteMode.Strict;
                options.Cookie.SecurePolicy = CookieSecurePolicy.SameAsRequest;
                options.ExpireTimeSpan = TimeSpan.FromHours(8);
                options.SlidingExpiration = true;
                options.LoginPath = "/login";
                options.AccessDeniedPath = "/forbidden";
                options.Events.OnValidatePrincipal = ValidateSessionAsync;
                options.Events.OnRedirectToLogin = context => ApiOrRedirect(context, StatusCodes.Status401Unauthorized);
                options.Events.OnRedirectToAccessDenied = context => ApiOrRedirect(context, StatusCodes.Status403Forbidden);
            })
            .AddScheme<AuthenticationSchemeOptions, TokenAuthentication>(TokenAuthentication.SchemeName, null);
    }

    /// <summary>A session lasts only while its account is enabled and unchanged: checked on every request.</summary>
    private static async Task ValidateSessionAsync(CookieValidatePrincipalContext context)
    {
        var id = context.Principal?.FindFirstValue(ClaimTypes.NameIdentifier);
        var stamp = context.Principal?.FindFirstValue(AccountClaims.Stamp);
        var account = Guid.TryParse(id, out var accountId)
            ? await context.HttpContext.RequestServices.GetRequiredService<AccountService>().FindAsync(accountId, context.HttpContext.RequestAborted)
            : null;
        if (account is null || account.Disabled || account.SecurityStamp != stamp)
        {
            context.RejectPrincipal();
            await context.HttpContext.SignOutAsync(CookieAuthenticationDefaults.AuthenticationScheme);
        }
    }

    private static Task ApiOrRedirect(RedirectContext<CookieAuthenticationOptions> context, int status)
    {
        if (context.Request.Path.StartsWithSegments("/api"))
        {
            context.Response.StatusCode = status;
            return Task.CompletedTask;
        }

        context.Response.Redirect(context.RedirectUri);
        return Task.CompletedTask;
    }

    /// <summary>Creates or upgrades the schema and, unless turned off (Workbridge:Demo=false), seeds the demo into an empty database.</summary>
    public static async Task PrepareDatabaseAsync(WebApplication app, CancellationToken cancellationToken = default)
    {
        using var scope = app.Services.CreateScope();
        var db = scope.ServiceProvider.GetRequiredService<WorkbridgeDb>();
        await Schema.MigrateAsync(db, cancellationToken);
        // The demo is on by default only for the default SQLite file, the place a newcomer's first run uses; a named
        // database gets it only when asked (Workbridge:Demo=true).
        var database = scope.ServiceProvider.GetRequiredService<Database>();
        var isDefaultFile = database == Database.Sqlite(Database.DefaultSqlitePath);
        if (app.Configuration.GetValue("Workbridge:Demo", isDefaultFile))
        {
            var seeded = await DemoData.EnsureAsync(scope.ServiceProvider.GetRequiredService<UnitOfWork>(), cancellationToken);
            var accountsFile = DemoAccounts.FileFor(database);
            if (seeded is not null)
            {
                app.Logger.LogInformation("Seeded the demo: {People} people in {Facilities} facilities", seeded.People, seeded.Facilities);
                await DemoAccounts.CreateAsync(scope.ServiceProvider.GetRequiredService<AccountService>(), db, accountsFile, cancellationToken);
            }

            if (File.Exists(accountsFile) && await db.Accounts.AnyAsync(a => a.UserName == "central", cancellationToken))
            {
                Console.WriteLine($"Demo accounts (from {accountsFile}):");
                Console.WriteLine(await File.ReadAllTextAsync(cancellationToken: cancellationToken, path: accountsFile));
            }
        }

        var people = await db.People.CountAsync(cancellationToken);
        app.Logger.LogInformation("Database: {Database}, {People} people", database.Describe(), people);
    }

    /// <summary>Prepares the database, starts, and prints the address to open. Returns the process exit code.</summary>
    public static async Task<int> RunAsync(WebApplication app)
    {
        await PrepareDatabaseAsync(app);
        try
        {
            await app.StartAsync();
        }
        catch (IOException e)
        {
            await Console.Error.WriteLineAsync($"Workbridge cannot listen: {e.Message} Choose another address with --urls http://localhost:PORT.");
            return 1;
        }

        foreach (var address in app.Urls)
        {
            Console.WriteLine($"Workbridge is ready: open {address.Replace("0.0.0.0", "localhost", StringComparison.Ordinal).Replace("[::]", "localhost", StringComparison.Ordinal)}");
        }

        await app.WaitForShutdownAsync();
        return 0;
    }
}
