namespace WorkProgramme.Web.Infrastructure;

/// <summary>Single sign-on's security events (docs/decisions/0033); a refused person is logged as <c>SignInRefused</c>.</summary>
public static partial class SecurityLog
{
    [LoggerMessage(EventId = 1101, EventName = "SignedInThroughProvider", Level = LogLevel.Information,
        Message = "Signed in through the identity provider: {Email} (subject {Subject}) from {Address}")]
    public static partial void SignedInThroughProvider(ILogger logger, string email, string subject, string? address);

    [LoggerMessage(EventId = 1102, EventName = "SingleSignOnFailed", Level = LogLevel.Warning,
        Message = "Single sign-on failed from {Address}: {Reason}")]
    public static partial void SingleSignOnFailed(ILogger logger, string? address, string reason);

    [LoggerMessage(EventId = 1103, EventName = "UserCreatedBySingleSignOn", Level = LogLevel.Information,
        Message = "User {Email} created at their first single sign-on as {Role} of {Body}")]
    public static partial void UserCreatedBySingleSignOn(ILogger logger, string email, string role, string? body);
}
