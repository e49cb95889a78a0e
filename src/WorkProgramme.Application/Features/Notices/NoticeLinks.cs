namespace WorkProgramme.Application.Features.Notices;

/// <summary>
/// The pages a notice links to, relative to <c>App:PublicUrl</c>. Written here because the handlers that queue notices
/// run without a request (the reminder service, <c>wp</c>); a Web fact checks each is the page's route.
/// </summary>
public static class NoticeLinks
{
    public static string Report(string slug, string session, Guid activityId) =>
        $"programmes/{Uri.EscapeDataString(slug)}/rounds/{Uri.EscapeDataString(session)}/reports/{activityId}";

    public static string Round(string slug, string session) => $"programmes/{Uri.EscapeDataString(slug)}/rounds/{Uri.EscapeDataString(session)}";

    public static string Activity(string slug, Guid activityId) => $"programmes/{Uri.EscapeDataString(slug)}/activities/{activityId}";

    public static string Changes(string slug, string session) =>
        $"programmes/{Uri.EscapeDataString(slug)}/sessions/{Uri.EscapeDataString(session)}/changes";

    /// <summary>The base of links when <c>App:PublicUrl</c> is not set (a message needs an absolute address).</summary>
    public const string FallbackBase = "http://localhost:5080/";
}
