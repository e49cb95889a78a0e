using System.Data.Common;
using System.Globalization;
using System.Text.Json;
using Microsoft.EntityFrameworkCore.Metadata;
using Microsoft.EntityFrameworkCore.Storage;

namespace WorkProgramme.Application.Features.Backup;

/// <summary>
/// A column value in the archive's canonical form, which both providers read and write alike: null, a string, a
/// 64-bit integer, a boolean or a decimal number. Instants become UTC text to 0.1 ms whatever their column
/// (SQLite stores them as a binary integer, PostgreSQL as <c>timestamptz</c>); GUIDs lower-case text; dates
/// <c>yyyy-MM-dd</c>; bytes base 64; enums and JSON columns the very text the app stores.
/// </summary>
internal static class ValueCodec
{
    /// <summary>
    /// A tenth of a millisecond: the precision the SQLite store keeps (its binary form drops the last three digits of
    /// the ticks), coarser than PostgreSQL's microsecond, so that a move either way and back is exact.
    /// </summary>
    private const string InstantFormat = "yyyy-MM-dd'T'HH:mm:ss.ffff'Z'";

    private const long InstantTicks = 1000;

    /// <summary>The value as <paramref name="reader"/> holds it in <paramref name="column"/>, in canonical form.</summary>
    public static object? Read(DbDataReader reader, int ordinal, IColumn column)
    {
        if (reader.IsDBNull(ordinal))
        {
            return null;
        }

        var mapping = MappingOf(column);
        var provider = Type(mapping);
        object raw = provider switch
        {
            _ when provider == typeof(string) => reader.GetString(ordinal),
            _ when provider == typeof(int) => reader.GetInt32(ordinal),
            _ when provider == typeof(long) => reader.GetInt64(ordinal),
            _ when provider == typeof(short) => reader.GetInt16(ordinal),
            _ when provider == typeof(byte) => reader.GetByte(ordinal),
            _ when provider == typeof(bool) => reader.GetBoolean(ordinal),
            _ when provider == typeof(Guid) => reader.GetGuid(ordinal),
            _ when provider == typeof(decimal) => reader.GetDecimal(ordinal),
            _ when provider == typeof(double) => reader.GetDouble(ordinal),
            _ when provider == typeof(float) => reader.GetFloat(ordinal),
            _ when provider == typeof(DateOnly) => reader.GetFieldValue<DateOnly>(ordinal),
            _ when provider == typeof(DateTime) => reader.GetDateTime(ordinal),
            _ when provider == typeof(DateTimeOffset) => reader.GetFieldValue<DateTimeOffset>(ordinal),
            _ when provider == typeof(byte[]) => reader.GetFieldValue<byte[]>(ordinal),
            _ => throw Unsupported(column, provider),
        };
        if (IsInstant(mapping))
        {
            var instant = mapping.Converter is { } converter ? (DateTimeOffset)converter.ConvertFromProvider(raw)! : (DateTimeOffset)raw;
            return Instant(instant);
        }

        return raw switch
        {
            string text => text,
            int or long or short or byte => Convert.ToInt64(raw, CultureInfo.InvariantCulture),
            bool flag => flag,
            Guid guid => guid.ToString("D"),
            decimal number => number,
            double or float => Convert.ToDecimal(raw, CultureInfo.InvariantCulture),
            DateOnly date => date.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture),
            DateTime moment => DateTime.SpecifyKind(moment.AddTicks(-(moment.Ticks % 10)), DateTimeKind.Unspecified)
                .ToString("yyyy-MM-dd'T'HH:mm:ss.ffffff", CultureInfo.InvariantCulture),
            byte[] bytes => Convert.ToBase64String(bytes),
            _ => throw Unsupported(column, raw.GetType()),
        };
    }

    /// <summary>A JSON cell read back to canonical form; null when it does not fit the column (a damaged archive).</summary>
    public static Parsed? FromJson(JsonElement cell, IColumn column)
    {
        if (cell.ValueKind == JsonValueKind.Null)
        {
            return column.IsNullable ? new Parsed(null) : null;
        }

        var mapping = MappingOf(column);
        var provider = Type(mapping);
        try
        {
            if (IsInstant(mapping))
            {
                return cell.ValueKind == JsonValueKind.String && TryInstant(cell.GetString()!, out var instant) ? new Parsed(Instant(instant)) : null;
            }

            return provider switch
            {
                _ when provider == typeof(bool) => cell.ValueKind is JsonValueKind.True or JsonValueKind.False ? new Parsed(cell.GetBoolean()) : null,
                _ when provider == typeof(int) || provider == typeof(long) || provider == typeof(short) || provider == typeof(byte) =>
                    cell.ValueKind == JsonValueKind.Number && cell.TryGetInt64(out var integer) ? new Parsed(integer) : null,
                _ when provider == typeof(decimal) || provider == typeof(double) || provider == typeof(float) =>
                    cell.ValueKind == JsonValueKind.Number && cell.TryGetDecimal(out var number) ? new Parsed(number) : null,
                _ => cell.ValueKind == JsonValueKind.String && ToProvider(cell.GetString()!, provider) is not null ? new Parsed(cell.GetString()) : null,
            };
        }
        catch (FormatException)
        {
            return null;
        }
        catch (OverflowException)
        {
            return null;
        }
    }

    /// <summary>A parameter holding <paramref name="value"/> as the target database stores <paramref name="column"/>.</summary>
    public static DbParameter Parameter(DbCommand command, string name, IColumn column, object? value)
    {
        var mapping = MappingOf(column);
        if (value is null)
        {
            return mapping.CreateParameter(command, name, null, nullable: true);
        }

        if (IsInstant(mapping))
        {
            _ = TryInstant((string)value, out var instant);
            return mapping.CreateParameter(command, name, instant, column.IsNullable);
        }

        var provider = Type(mapping);
        var stored = value switch
        {
            long integer => Convert.ChangeType(integer, provider, CultureInfo.InvariantCulture),
            decimal number => Convert.ChangeType(number, provider, CultureInfo.InvariantCulture),
            string text => ToProvider(text, provider)!,
            _ => value,
        };
        var model = mapping.Converter is { } converter ? converter.ConvertFromProvider(stored) : stored;
        return mapping.CreateParameter(command, name, model, column.IsNullable);
    }

    /// <summary>Orders rows by key: integers by value, everything else by its canonical text.</summary>
    public static int Compare(object? a, object? b) => (a, b) switch
    {
        (null, null) => 0,
        (null, _) => -1,
        (_, null) => 1,
        (long x, long y) => x.CompareTo(y),
        (decimal x, decimal y) => x.CompareTo(y),
        _ => string.CompareOrdinal(Convert.ToString(a, CultureInfo.InvariantCulture), Convert.ToString(b, CultureInfo.InvariantCulture)),
    };

    public static void Write(Utf8JsonWriter writer, object? value)
    {
        switch (value)
        {
            case null:
                writer.WriteNullValue();
                break;
            case string text:
                writer.WriteStringValue(text);
                break;
            case long integer:
                writer.WriteNumberValue(integer);
                break;
            case bool flag:
                writer.WriteBooleanValue(flag);
                break;
            case decimal number:
                writer.WriteNumberValue(number);
                break;
            default:
                throw new InvalidOperationException($"Not a canonical value: {value.GetType()}");
        }
    }

    public sealed record Parsed(object? Value);

    private static RelationalTypeMapping MappingOf(IColumn column) => column.PropertyMappings.First().TypeMapping;

    private static Type Type(RelationalTypeMapping mapping)
    {
        var type = mapping.Converter?.ProviderClrType ?? mapping.ClrType;
        return Nullable.GetUnderlyingType(type) ?? type;
    }

    private static bool IsInstant(RelationalTypeMapping mapping) =>
        (Nullable.GetUnderlyingType(mapping.ClrType) ?? mapping.ClrType) == typeof(DateTimeOffset);

    private static string Instant(DateTimeOffset instant)
    {
        var utc = instant.ToUniversalTime();
        return utc.AddTicks(-(utc.Ticks % InstantTicks)).ToString(InstantFormat, CultureInfo.InvariantCulture);
    }

    private static bool TryInstant(string text, out DateTimeOffset instant) =>
        DateTimeOffset.TryParseExact(text, InstantFormat, CultureInfo.InvariantCulture, DateTimeStyles.AssumeUniversal, out instant);

    /// <summary>Text of the archive as the provider type of a column; null when it is not one.</summary>
    private static object? ToProvider(string text, Type provider)
    {
        if (provider == typeof(string))
        {
            return text;
        }

        if (provider == typeof(Guid))
        {
            return Guid.TryParseExact(text, "D", out var guid) ? guid : null;
        }

        if (provider == typeof(DateOnly))
        {
            return DateOnly.TryParseExact(text, "yyyy-MM-dd", CultureInfo.InvariantCulture, DateTimeStyles.None, out var date) ? date : null;
        }

        if (provider == typeof(DateTime))
        {
            return DateTime.TryParseExact(text, "yyyy-MM-dd'T'HH:mm:ss.ffffff", CultureInfo.InvariantCulture, DateTimeStyles.None, out var moment) ? moment : null;
        }

        if (provider == typeof(byte[]))
        {
            var bytes = new byte[text.Length];
            return Convert.TryFromBase64String(text, bytes, out var length) ? bytes[..length] : null;
        }

        return null;
    }

    private static NotSupportedException Unsupported(IColumn column, Type type) =>
        new($"The archive does not know how to carry {type} ({column.Table.Name}.{column.Name}).");
}
