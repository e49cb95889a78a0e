using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.AspNetCore.Mvc;
using WorkProgramme.Application.Features.Interchange;
using WorkProgramme.Application.Features.Search;
using WorkProgramme.Domain.Common;
using WorkProgramme.Domain.StatusReports;
using WorkProgramme.Web.Infrastructure;

namespace WorkProgramme.Web.Api;

/// <summary>GET /api/search: what the search page finds, as typed data (docs/decisions/0041).</summary>
public static class SearchEndpoints
{
    /// <summary>A piece of a text; <c>match</c> marks a word that was searched for. Plain text, never markup.</summary>
    public sealed record FragmentDto(string Text, bool Match);

    /// <summary>A text in one language, cut into fragments.</summary>
    public sealed record FragmentsDto(string Language, IReadOnlyList<FragmentDto> Fragments);

    public sealed record SearchHitDto(
        string Kind,
        string Programme,
        TextPair ProgrammeTitle,
        string Body,
        string Version,
        Guid ActivityId,
        string Label,
        FragmentsDto Title,
        FragmentsDto Snippet,
        string? Session,
        string? Keyword,
        string? ExecutionLevel,
        bool Draft,
        string Url);

    public sealed record SearchResponse(IReadOnlyList<string> Terms, IReadOnlyList<SearchHitDto> Hits, bool More);

    public static IEndpointRouteBuilder MapSearchApi(this IEndpointRouteBuilder endpoints)
    {
        endpoints.MapGet("/api/search", SearchAsync).WithName("Search").WithTags("Search").AllowAnonymous()
            .WithSummary("Activities and status reports holding every word of ?q= (French or English, accents and capitals ignored), "
                + "of the programmes the caller may read; filters: programme, body, session, keyword, level; texts in ?lang=fr|en.");
        return endpoints;
    }

    private static async Task<Results<Ok<SearchResponse>, ProblemHttpResult>> SearchAsync(
        HttpContext context, SearchRecord.Handler handler, LinkGenerator links, CancellationToken cancellationToken,
        [FromQuery] string? q = null, [FromQuery] string? lang = null, [FromQuery] string? programme = null, [FromQuery] string? body = null,
        [FromQuery] string? session = null, [FromQuery] string? keyword = null, [FromQuery] string? level = null,
        [FromQuery] int limit = SearchRecord.DefaultLimit)
    {
        var fr = Localization.CurrentLanguage == Language.Fr;
        StatusKeyword? chosenKeyword = null;
        if (keyword is not null)
        {
            if (!Wire.TryParse<StatusKeyword>(keyword, out var parsed))
            {
                return Refused(fr ? $"Mot-clé inconnu « {keyword} »." : $"Unknown keyword '{keyword}'.", string.Join(", ", Wire.Names<StatusKeyword>()));
            }

            chosenKeyword = parsed;
        }

        ExecutionLevel? chosenLevel = null;
        if (level is not null)
        {
            if (!Wire.TryParse<ExecutionLevel>(level, out var parsed))
            {
                return Refused(fr ? $"Niveau d’exécution inconnu « {level} »." : $"Unknown execution level '{level}'.", string.Join(", ", Wire.Names<ExecutionLevel>()));
            }

            chosenLevel = parsed;
        }

        var language = lang is null ? Localization.CurrentLanguage : Languages.TryParse(lang, out var asked) ? asked : Localization.CurrentLanguage;
        var result = await handler.HandleAsync(new SearchRecord.Query(context.Viewer(), q, language,
            Blank(programme), Blank(body), Blank(session), chosenKeyword, chosenLevel, limit), cancellationToken);
        return TypedResults.Ok(new SearchResponse(result.Terms, result.Hits.Select(hit => new SearchHitDto(
            Wire.Name(hit.Kind),
            hit.ProgrammeSlug,
            new TextPair(hit.ProgrammeTitle.Fr, hit.ProgrammeTitle.En),
            hit.BodyCode,
            hit.VersionLabel,
            hit.ActivityId,
            hit.Label,
            Fragments(hit.TitleLanguage, hit.Title),
            Fragments(hit.SnippetLanguage, hit.Snippet),
            hit.SessionKey,
            Wire.Name(hit.Keyword),
            Wire.Name(hit.Level),
            hit.Draft,
            links.GetUriByPage(context, "/Programmes/Activity", handler: null, new { slug = hit.ProgrammeSlug, id = hit.ActivityId })
                ?? throw new InvalidOperationException("No route leads to the activity page."))).ToList(), result.More));

        ProblemHttpResult Refused(string detail, string allowed) => TypedResults.Problem(statusCode: StatusCodes.Status400BadRequest,
            title: fr ? "Filtre invalide" : "Invalid filter", detail: $"{detail} ({allowed})");
    }

    private static string? Blank(string? value) => string.IsNullOrWhiteSpace(value) ? null : value;

    private static FragmentsDto Fragments(Language language, IReadOnlyList<Fragment> fragments) =>
        new(language.Code(), fragments.Select(f => new FragmentDto(f.Text, f.Match)).ToList());
}
