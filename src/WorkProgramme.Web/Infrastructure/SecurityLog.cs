namespace WorkProgramme.Web.Infrastructure;

/// <summary>
/// Security events (ASVS 16.3): sign-ins and refused sign-ins, refused API tokens, denied access, rate-limited
/// requests and refused uploads, in one log category with an event id per kind, so that an operator's log pipeline can
/// count and alert on them. Each line also carries the request's correlation id (its scope, <see cref="RequestLogging"/>).
/// What a user typed is a structured argument, never part of the template: the JSON console encodes CR/LF in it.
/// </summary>
public static partial class SecurityLog
{
    public const string Category = "WorkProgramme.Security";

    public static ILogger For(HttpContext context) =>
        context.RequestServices.GetRequiredService<ILoggerFactory>().CreateLogger(Category);

    [LoggerMessage(EventId = 1001, EventName = "SignedIn", Level = LogLevel.Information,
        Message = "Signed in: {Email} from {Address}")]
    public static partial void SignedIn(ILogger logger, string email, string? address);

    [LoggerMessage(EventId = 1002, EventName = "SignInRefused", Level = LogLevel.Warning,
        Message = "Sign-in refused for {Email} from {Address}: {Reason}")]
    public static partial void SignInRefused(ILogger logger, string email, string? address, string reason);

    [LoggerMessage(EventId = 1003, EventName = "AccessDenied", Level = LogLevel.Warning,
        Message = "Access denied to {User} on {Method} {Path}")]
    public static partial void AccessDenied(ILogger logger, string user, string method, string path);

    [LoggerMessage(EventId = 1004, EventName = "ApiTokenRefused", Level = LogLevel.Warning,
        Message = "API token refused (unknown, revoked or its user locked out) on {Method} {Path} from {Address}")]
    public static partial void ApiTokenRefused(ILogger logger, string method, string path, string? address);

    [LoggerMessage(EventId = 1005, EventName = "RateLimited", Level = LogLevel.Warning,
        Message = "Rate limit reached on {Method} {Path} from {Address}")]
    public static partial void RateLimited(ILogger logger, string method, string path, string? address);

    [LoggerMessage(EventId = 1006, EventName = "ImportRejected", Level = LogLevel.Warning,
        Message = "Import rejected for {User} on {Programme}: file {FileName}, {ProblemCount} problem(s), first: {FirstProblem}")]
    public static partial void ImportRejected(ILogger logger, string user, string programme, string? fileName, int problemCount, string firstProblem);

    [LoggerMessage(EventId = 1007, EventName = "RequestTooLarge", Level = LogLevel.Warning,
        Message = "Request body of {Length} bytes refused on {Method} {Path} from {Address}")]
    public static partial void RequestTooLarge(ILogger logger, string method, string path, long length, string? address);

    [LoggerMessage(EventId = 1008, EventName = "PasswordSet", Level = LogLevel.Information,
        Message = "Password set with an e-mailed link by {Email} from {Address}")]
    public static partial void PasswordSet(ILogger logger, string email, string? address);

    /// <summary>Who the request is from, as the audit trail names them.</summary>
    public static string UserOf(HttpContext context) => context.User.Identity?.IsAuthenticated == true
        ? context.User.Identity.Name ?? "?"
        : "anonymous";

    public static string? AddressOf(HttpContext context) => context.Connection.RemoteIpAddress?.ToString();
}
