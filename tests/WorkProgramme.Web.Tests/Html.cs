using AngleSharp.Html.Dom;
using AngleSharp.Html.Parser;

namespace WorkProgramme.Web.Tests;

internal static class Html
{
    public static async Task<IHtmlDocument> GetPageAsync(this HttpClient client, string url)
    {
        var response = await client.GetAsync(url);
        Assert.Equal(System.Net.HttpStatusCode.OK, response.StatusCode);
        Assert.Equal("text/html", response.Content.Headers.ContentType?.MediaType);
        return new HtmlParser().ParseDocument(await response.Content.ReadAsStringAsync());
    }

    /// <summary>Reads a form's antiforgery token from a page, as a browser would submit it.</summary>
    public static async Task<string> AntiforgeryTokenAsync(this HttpClient client, string url)
    {
        var page = new HtmlParser().ParseDocument(await client.GetStringAsync(url));
        return page.QuerySelector("input[name=__RequestVerificationToken]")?.GetAttribute("value")
            ?? throw new InvalidOperationException($"No antiforgery token on {url}");
    }

    public static async Task<HttpResponseMessage> PostFormAsync(this HttpClient client, string pageUrl, string actionUrl,
        IDictionary<string, string> fields)
    {
        var token = await client.AntiforgeryTokenAsync(pageUrl);
        var form = new Dictionary<string, string>(fields) { ["__RequestVerificationToken"] = token };
        return await client.PostAsync(actionUrl, new FormUrlEncodedContent(form));
    }

    /// <summary>The value of a form field as the page shows it now (for example its hidden version field).</summary>
    public static async Task<string> FieldAsync(this HttpClient client, string url, string selector)
    {
        var page = new HtmlParser().ParseDocument(await client.GetStringAsync(url));
        return page.QuerySelector(selector)?.GetAttribute("value") ?? throw new InvalidOperationException($"No {selector} on {url}");
    }

    public static Task<HttpResponseMessage> SignInAsync(this HttpClient client, string email, string password) =>
        client.PostFormAsync("/account/sign-in", "/account/sign-in", new Dictionary<string, string> { ["Email"] = email, ["Password"] = password });

    public static string Text(this AngleSharp.Dom.IElement? element) =>
        System.Text.RegularExpressions.Regex.Replace(element?.TextContent ?? "", @"\s+", " ").Trim();
}
