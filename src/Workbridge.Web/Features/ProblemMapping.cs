using System.Text.Json;
using Microsoft.AspNetCore.Diagnostics;
using Microsoft.AspNetCore.Mvc;
using Microsoft.EntityFrameworkCore;
using Workbridge.Core.Common;

namespace Workbridge.Web.Features;

/// <summary>
/// Turns the exceptions that carry a user's mistake into problem details naming the field, and everything else into
/// a plain 500 with a trace id: no stack trace ever reaches a user.
/// </summary>
public sealed class ProblemMapping(IProblemDetailsService problems, ILogger<ProblemMapping> logger) : IExceptionHandler
{
    public async ValueTask<bool> TryHandleAsync(HttpContext context, Exception exception, CancellationToken cancellationToken)
    {
        var (status, details) = exception switch
        {
            RuleViolation violation => (StatusCodes.Status400BadRequest, Validation(violation.Field ?? "request", violation.Message, violation.Code)),
            BadHttpRequestException { InnerException: JsonException json } => (StatusCodes.Status400BadRequest, Validation(JsonField(json.Path), JsonProblem(json), "request.json")),
            BadHttpRequestException bad => (bad.StatusCode, new ProblemDetails { Title = "The request could not be read.", Detail = FirstLine(bad.Message) }),
            DbUpdateConcurrencyException or DbUpdateException => (StatusCodes.Status409Conflict, new ProblemDetails { Title = "The record changed while you were working on it.", Detail = "Someone else saved a change first. Reload the record and try again." }),
            _ => (StatusCodes.Status500InternalServerError, new ProblemDetails { Title = "Something went wrong on the server.", Detail = "The error has been logged with this request's trace id." }),
        };

        if (status == StatusCodes.Status500InternalServerError || exception is DbUpdateException and not DbUpdateConcurrencyException)
        {
            logger.LogError(exception, "Unhandled error on {Method} {Path}", context.Request.Method, context.Request.Path);
        }

        details.Status = status;
        context.Response.StatusCode = status;
        return await problems.TryWriteAsync(new ProblemDetailsContext { HttpContext = context, ProblemDetails = details, Exception = exception });
    }

    private static ValidationProblemDetails Validation(string field, string message, string code)
    {
        var details = new ValidationProblemDetails(new Dictionary<string, string[]> { [field] = [message] }) { Title = "One or more fields are not valid.", Detail = message };
        details.Extensions["code"] = code;
        return details;
    }

    /// <summary>Says what the field expects in words ("a date (YYYY-MM-DD)"), not in .NET type names.</summary>
    private static string JsonProblem(JsonException json)
    {
        const string marker = "could not be converted to ";
        var message = FirstLine(json.Message);
        var at = message.IndexOf(marker, StringComparison.Ordinal);
        if (at < 0)
        {
            return $"The request body is not valid JSON: {message.Split(" Path:")[0]}";
        }

        var typeName = message[(at + marker.Length)..].Split(". Path")[0];
        if (typeName.StartsWith("System.Nullable`1[", StringComparison.Ordinal))
        {
            typeName = typeName["System.Nullable`1[".Length..^1];
        }

        var type = Type.GetType(typeName) ?? typeof(Workbridge.Core.Registry.Person).Assembly.GetType(typeName);
        var expected = type switch
        {
            null => "a value of the right kind",
            { IsEnum: true } => "one of " + string.Join(", ", Enum.GetValues(type).Cast<Enum>().Select(v => JsonNamingPolicy.KebabCaseLower.ConvertName(v.ToString()))),
            _ when type == typeof(DateOnly) => "a date (YYYY-MM-DD)",
            _ when type == typeof(DateTime) => "a UTC time (2026-03-01T09:30:00Z)",
            _ when type == typeof(Guid) => "an id",
            _ when type == typeof(bool) => "true or false",
            _ when type == typeof(int) || type == typeof(long) => "a whole number",
            _ when type == typeof(string) => "a string",
            _ => "a value of the right kind",
        };
        return $"The value is not {expected}.";
    }

    private static string JsonField(string? path) => string.IsNullOrEmpty(path) || path == "$" ? "body" : path.TrimStart('$', '.');

    private static string FirstLine(string message) => message.Split('\n')[0].Trim();
}
