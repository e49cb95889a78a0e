namespace WorkProgramme.Domain.Common;

internal static class Guard
{
    public static string Code(string? value, string what)
    {
        if (string.IsNullOrWhiteSpace(value))
        {
            throw new DomainException($"Le code « {what} » est obligatoire.", $"The code '{what}' is required.");
        }

        return value.Trim();
    }
}
