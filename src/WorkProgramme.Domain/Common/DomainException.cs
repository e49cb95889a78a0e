namespace WorkProgramme.Domain.Common;

/// <summary>A rule of the domain refused a change; the message is given in both languages.</summary>
public class DomainException(BilingualText message) : Exception(message.Fr ?? message.En)
{
    public BilingualText Messages { get; } = message;

    public DomainException(string fr, string en) : this(new BilingualText(fr, en)) { }

    public string MessageFor(Language language) => Messages.For(language).Text ?? Message;
}
