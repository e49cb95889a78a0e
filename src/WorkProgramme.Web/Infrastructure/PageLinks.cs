namespace WorkProgramme.Web.Infrastructure;

/// <summary>
/// Addresses of pages from their routes, where no request is at hand to ask (options read once, at the first request).
/// Pages and endpoints with a request use the tag helpers, <c>Url.Page</c>, <c>RedirectToPage</c> or
/// <c>LinkGenerator</c> with the request (decision 0020).
/// </summary>
public static class PageLinks
{
    /// <summary>The page's path without a path base; an unknown page name throws instead of sending anyone to a 404.</summary>
    public static string PagePath(this LinkGenerator links, string page, object? values = null) =>
        links.GetPathByPage(page, handler: null, values) ?? throw new InvalidOperationException($"No route leads to the page {page}.");
}
