namespace WorkProgramme.Web.Pages.Programmes;

/// <summary>
/// The digest's look, written once (decision 0008). The downloaded e-mail body carries each rule inline, because mail
/// clients drop style sheets; the page, whose CSP refuses inline styles, carries the same rules as classes of
/// <c>wwwroot/css/site.css</c>, which a test keeps equal to this table.
/// </summary>
public static class DigestStyle
{
    public static readonly IReadOnlyDictionary<string, string> Rules = new Dictionary<string, string>(StringComparer.Ordinal)
    {
        ["digest"] = "font-family: Arial, sans-serif; color: #1c2430; max-width: 720px;",
        ["digest__title"] = "font-size: 20px; margin: 0 0 8px;",
        ["digest__summary"] = "margin: 0 0 12px;",
        ["digest__table"] = "border-collapse: collapse; width: 100%; font-size: 13px;",
        ["digest__heading"] = "text-align: left; border-bottom: 2px solid #d9dee6; padding: 4px;",
        ["digest__number"] = "text-align: left; border-bottom: 1px solid #d9dee6; padding: 4px;",
        ["digest__cell"] = "border-bottom: 1px solid #d9dee6; padding: 4px;",
        ["digest__level--green"] = "color: #1a7336;",
        ["digest__level--blue"] = "color: #0b5cad;",
        ["digest__level--red"] = "color: #b3261e;",
        ["digest__level--none"] = "color: #5f6878;",
        ["digest__more"] = "margin: 12px 0 0;",
    };

    /// <summary>The rule of an execution level's colour (none: no report).</summary>
    public static string Level(Domain.StatusReports.ExecutionLevel? level) =>
        "digest__level--" + (level?.ToString().ToLowerInvariant() ?? "none");
}
