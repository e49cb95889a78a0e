using Microsoft.Extensions.Configuration;

namespace WorkProgramme.Application.Features.Mail;

public enum SmtpSecurity
{
    None,
    StartTls,
    SslOnConnect,
}

/// <summary>
/// <c>Email:Smtp:Host</c>, <c>Port</c>, <c>Security</c>, <c>UserName</c>, <c>Password</c>, <c>Email:From</c>,
/// <c>App:PublicUrl</c> (links in messages) and <c>App:OrganisationName</c> (the sender's display name). Without a host
/// and a sender address, e-mail is off: nothing is queued, pages say so and <c>wp</c> prints the link instead.
/// </summary>
public sealed record MailSettings(string? Host, int Port, SmtpSecurity Security, string? UserName, string? Password, string? From,
    string? PublicUrl, string OrganisationName)
{
    public bool IsConfigured => !string.IsNullOrWhiteSpace(Host) && !string.IsNullOrWhiteSpace(From);

    /// <summary>The domain of the Message-Id headers: the sender's.</summary>
    public string Domain => From is { } from && from.LastIndexOf('@') is var at and >= 0 ? from[(at + 1)..] : "workprogramme.local";

    public static MailSettings Read(IConfiguration configuration)
    {
        var security = Enum.TryParse<SmtpSecurity>(configuration["Email:Smtp:Security"], ignoreCase: true, out var parsed) ? parsed : SmtpSecurity.StartTls;
        var port = configuration.GetValue<int?>("Email:Smtp:Port") ?? security switch
        {
            SmtpSecurity.SslOnConnect => 465,
            SmtpSecurity.StartTls => 587,
            _ => 25,
        };
        return new MailSettings(configuration["Email:Smtp:Host"], port, security, configuration["Email:Smtp:UserName"],
            configuration["Email:Smtp:Password"], configuration["Email:From"], configuration["App:PublicUrl"],
            configuration["App:OrganisationName"] is { Length: > 0 } name ? name : "WorkProgramme");
    }

    /// <summary>An absolute link to <paramref name="path"/> (relative to the app's root) under the public address.</summary>
    public string LinkTo(string path, string fallbackBase) =>
        (string.IsNullOrWhiteSpace(PublicUrl) ? fallbackBase : PublicUrl).TrimEnd('/') + "/" + path.TrimStart('/');
}
