using System.Globalization;
using DocumentFormat.OpenXml.Wordprocessing;
using WorkProgramme.Domain.StatusReports;

namespace WorkProgramme.Documents.Tables;

/// <summary>
/// The execution level a cell's fill stands for (footnote 7's colours). Our annex writes 00B050 (green), 0070C0 (blue)
/// and FF0000 (red); people colour cells with Word's palette, so any clearly coloured fill is read by its hue: green
/// from 75° to 170° (00B050, 92D050, 00FF00, 008000…), blue from 180° to 250° (0070C0, 00B0F0, 0000FF, 002060…), red
/// from 345° to 15° (FF0000, C00000…). A fill too pale or too grey to name (saturation under 40 %, brightness under
/// 25 %), or of another hue (yellow, orange, purple), is unknown. No fill, "auto" and white mean no colour.
/// </summary>
internal static class LevelColours
{
    /// <summary>The level a shading gives, or the fill it could not name (null when there is no colour at all).</summary>
    public static (ExecutionLevel? Level, string? Unknown) Read(Shading? shading)
    {
        if (shading is null)
        {
            return (null, null);
        }

        // A solid pattern paints the pattern colour over the fill.
        var hex = shading.Val?.Value == ShadingPatternValues.Solid ? shading.Color?.Value : shading.Fill?.Value;
        if (string.IsNullOrWhiteSpace(hex) || hex.Equals("auto", StringComparison.OrdinalIgnoreCase)
            || shading.Val?.Value == ShadingPatternValues.Nil)
        {
            return (null, null);
        }

        if (hex.Length != 6 || !int.TryParse(hex, NumberStyles.HexNumber, CultureInfo.InvariantCulture, out var rgb))
        {
            return (null, hex);
        }

        if (rgb == 0xFFFFFF)
        {
            return (null, null);
        }

        var level = Classify((rgb >> 16 & 0xFF) / 255.0, (rgb >> 8 & 0xFF) / 255.0, (rgb & 0xFF) / 255.0);
        return level is null ? (null, hex.ToUpperInvariant()) : (level, null);
    }

    private static ExecutionLevel? Classify(double r, double g, double b)
    {
        var max = Math.Max(r, Math.Max(g, b));
        var min = Math.Min(r, Math.Min(g, b));
        var chroma = max - min;
        if (max < 0.25 || chroma / max < 0.4)
        {
            return null;
        }

        var hue = max == r ? 60 * ((g - b) / chroma % 6)
            : max == g ? 60 * (((b - r) / chroma) + 2)
            : 60 * (((r - g) / chroma) + 4);
        hue = (hue + 360) % 360;
        return hue switch
        {
            >= 75 and <= 170 => ExecutionLevel.Green,
            >= 180 and <= 250 => ExecutionLevel.Blue,
            >= 345 or <= 15 => ExecutionLevel.Red,
            _ => null,
        };
    }
}
