namespace WorkProgramme.Web;

/// <summary>Marker for the interface labels in Resources/SharedResource(.en).resx; French is the neutral language.</summary>
public sealed class SharedResource;
