using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.Net.Http.Headers;
using WorkProgramme.Application.Writes;
using WorkProgramme.Domain.Common;

namespace WorkProgramme.Web.Infrastructure;

/// <summary>
/// The one mapping of a use case's <see cref="Failure"/> to an API answer: a ProblemDetails in the request's language,
/// the status fixed by the kind (404, 403, 400 with the fields, 409, 412 with the current state, 428), and the ETag of
/// the record as it is now whenever the caller should start again from it.
/// </summary>
public static class ApiResults
{
    public static ProblemHttpResult Problem(HttpContext context, Failure failure, object? current = null)
    {
        if (failure.CurrentVersion is { } version && failure.Kind is FailureKind.Conflict or FailureKind.PreconditionRequired or FailureKind.Invalid)
        {
            context.Response.Headers.ETag = IfMatch.ETag(version);
        }

        var fr = Localization.CurrentLanguage == Language.Fr;
        var first = failure.Messages.FirstOrDefault()?.Message.For(Localization.CurrentLanguage).Text;
        var problem = failure.Kind switch
        {
            FailureKind.NotFound => Of(StatusCodes.Status404NotFound, first),
            FailureKind.Forbidden => Of(StatusCodes.Status403Forbidden, first, ("Vous ne pouvez pas modifier ce programme", "You may not change this programme")),
            FailureKind.PreconditionRequired => Of(StatusCodes.Status428PreconditionRequired,
                fr ? "Envoyez l’ETag obtenu par GET dans If-Match : sans lui, une modification pourrait en écraser une autre."
                    : "Send the ETag from GET in If-Match: without it, a change could overwrite another one."),
            FailureKind.Conflict when failure.Stale => Of(StatusCodes.Status412PreconditionFailed,
                fr ? "Quelqu’un a enregistré une autre version. Reprenez vos changements sur la version actuelle (ETag ci-dessus)."
                    : "Someone saved another version. Apply your changes again to the current one (ETag above)."),
            FailureKind.Conflict => Of(StatusCodes.Status409Conflict, null, (first ?? (fr ? "Refusé" : "Refused"), null)),
            _ => Of(StatusCodes.Status400BadRequest, first, ("Modification refusée", "Change refused")),
        };

        if (failure.Kind == FailureKind.Invalid)
        {
            problem.ProblemDetails.Extensions["errors"] = failure.Messages
                .GroupBy(m => m.Field.Length == 0 ? "request" : m.Field, StringComparer.Ordinal)
                .ToDictionary(g => g.Key, g => g.Select(m => m.Message.For(Localization.CurrentLanguage).Text ?? "").ToArray(), StringComparer.Ordinal);
        }

        if (failure.Pending.Count > 0)
        {
            problem.ProblemDetails.Extensions["pending"] = failure.Pending;
        }

        if (current is not null && failure.Kind is FailureKind.Conflict or FailureKind.PreconditionRequired)
        {
            problem.ProblemDetails.Extensions["current"] = current;
        }

        return problem;

        // A status's own title comes from the one list of them (ApiProblem.TitleOf); a kind with more to say names its own.
        ProblemHttpResult Of(int status, string? detail, (string Fr, string? En)? title = null)
        {
            var (titleFr, titleEn) = title ?? ApiProblem.TitleOf(status);
            return TypedResults.Problem(statusCode: status, title: fr || titleEn is null ? titleFr : titleEn, detail: detail);
        }
    }
}

/// <summary>
/// The one mapping of a use case's result to a page's answer: not found and forbidden are the same for every page; the
/// page decides what a success shows and how it shows a refusal (its form redrawn with the user's input).
/// </summary>
public static class PageResults
{
    public static async Task<IActionResult> AnswerAsync<T>(this PageModel page, Result<T> result, Func<T, IActionResult> saved,
        Func<Failure, Task<IActionResult>> refused) =>
        result.Failure switch
        {
            null => saved(result.Value!),
            { Kind: FailureKind.NotFound } => page.NotFound(),
            { Kind: FailureKind.Forbidden } => page.Forbid(),
            { } failure => await RefusedAsync(page, failure, refused),
        };

    /// <summary>A change an archived programme refused answers 409 (docs/decisions/0040), whatever the page draws; a page may set another.</summary>
    private static Task<IActionResult> RefusedAsync(PageModel page, Failure failure, Func<Failure, Task<IActionResult>> refused)
    {
        if (failure.Archived)
        {
            page.Response.StatusCode = StatusCodes.Status409Conflict;
        }

        return refused(failure);
    }

    /// <summary>
    /// A one-button post that goes back to its page (<paramref name="back"/>, POST-redirect-GET) and says there how it
    /// went: the label <paramref name="savedLabel"/> on success; on a refusal what <see cref="Refusal"/> says (the record
    /// changed since the page was shown: <paramref name="changedMeanwhile"/>; otherwise the failure's own message, an
    /// archived programme's too). Not found and forbidden as every page answers them.
    /// </summary>
    public static Task<IActionResult> FlashAsync<T>(this PageModel page, Result<T> result, string savedLabel, BilingualText changedMeanwhile,
        Func<IActionResult> back) =>
        page.AnswerAsync(result, _ =>
        {
            page.TempData.Success(savedLabel);
            return back();
        }, failure =>
        {
            page.TempData.Problem(page.Refusal(failure, changedMeanwhile));
            return Task.FromResult(back());
        });

    /// <summary>
    /// What a form says when a save was refused: <paramref name="changedMeanwhile"/> when the record changed since the
    /// form was shown (or the form did not say which version it showed), with 409, the user's input kept; otherwise
    /// the failure's own first message.
    /// </summary>
    public static BilingualText? Refusal(this PageModel page, Failure failure, BilingualText changedMeanwhile)
    {
        if (failure.Stale || failure.Kind == FailureKind.PreconditionRequired)
        {
            page.Response.StatusCode = StatusCodes.Status409Conflict;
            return changedMeanwhile;
        }

        return Messages(failure).FirstOrDefault();
    }

    /// <summary>What a form says above its fields when a save was refused.</summary>
    public static IReadOnlyList<BilingualText> Messages(Failure failure) => failure switch
    {
        { Kind: FailureKind.PreconditionRequired } or { Stale: true } when failure.Messages.Count == 0 =>
            [new BilingualText("L’enregistrement a été modifié entre-temps : relisez-le et recommencez.",
                "The record was changed in the meantime: read it again and try once more.")],
        _ => failure.Problems,
    };
}

/// <summary>
/// ETag and If-Match for every write of the official record: a read sends the record's version as its ETag, a change
/// must send it back in If-Match. <see cref="RequiresIfMatch{TBuilder}"/> declares it on an endpoint (its metadata says
/// so to the OpenAPI document and to the test that enumerates the writes) and answers 428 when the header is missing.
/// </summary>
public static class IfMatch
{
    public static string ETag(string version) => $"\"{version}\"";

    /// <summary>The version named by If-Match: null when absent, the tag without quotes otherwise ("*" and a list never match).</summary>
    public static string? Version(HttpContext context)
    {
        var header = context.Request.Headers.IfMatch.ToString();
        if (header.Length == 0)
        {
            return null;
        }

        return EntityTagHeaderValue.TryParse(header, out var tag) && !tag.IsWeak && tag.Tag.Length > 2
            ? tag.Tag.ToString()[1..^1]
            : "\u0000unreadable";
    }

    /// <summary>The version as a row version: null when absent, -1 when it is not one (so it never matches).</summary>
    public static int? RowVersion(HttpContext context) => Version(context) switch
    {
        null => null,
        var text => int.TryParse(text, System.Globalization.NumberStyles.None, System.Globalization.CultureInfo.InvariantCulture, out var number) ? number : -1,
    };

    public static void SetETag(this HttpContext context, string version) => context.Response.Headers.ETag = ETag(version);

    /// <summary>
    /// The endpoint changes the official record: it answers 428 without If-Match, 412 (with the current state) on a
    /// stale one. The metadata is <see cref="IfMatchRequired"/>.
    /// </summary>
    public static TBuilder RequiresIfMatch<TBuilder>(this TBuilder builder) where TBuilder : IEndpointConventionBuilder =>
        builder.WithMetadata(IfMatchRequired.Instance, AnswersWithETag.Instance).AddEndpointFilter(async (context, next) =>
            context.HttpContext.Request.Headers.IfMatch.Count == 0
                ? ApiResults.Problem(context.HttpContext, Failure.VersionRequired(null))
                : await next(context));
}

/// <summary>Endpoint metadata: this write needs If-Match (<see cref="IfMatch.RequiresIfMatch{TBuilder}"/>).</summary>
public sealed class IfMatchRequired
{
    public static readonly IfMatchRequired Instance = new();

    private IfMatchRequired()
    {
    }
}

/// <summary>
/// Endpoint metadata: this write needs no version because it adds something new (or is a guarded transition that writes
/// nothing a user typed); the reason is part of the declaration, and the test that enumerates the writes lists it.
/// </summary>
public sealed record NoIfMatch(string Reason);

public static class NoIfMatchExtensions
{
    public static TBuilder WithoutIfMatch<TBuilder>(this TBuilder builder, string reason) where TBuilder : IEndpointConventionBuilder =>
        builder.WithMetadata(new NoIfMatch(reason));
}
