namespace WorkProgramme.Web.Infrastructure;

/// <summary>The app's address as this request reached it: the base of e-mailed links when <c>App:PublicUrl</c> is not set.</summary>
public static class PublicBase
{
    public static string Of(HttpRequest request) => $"{request.Scheme}://{request.Host}{request.PathBase}";
}
