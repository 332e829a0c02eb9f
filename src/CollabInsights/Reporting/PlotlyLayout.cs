namespace CollabInsights.Reporting;

/// <summary>Layout pieces shared by the kit's Plotly charts.</summary>
public static class PlotlyLayout
{
    /// <summary>An axis with a title and automatic margins, so long category labels are not cut off.</summary>
    public static DynamicObj.DynamicObj Axis(string title)
    {
        var axis = new DynamicObj.DynamicObj();
        var t = new DynamicObj.DynamicObj();
        t.SetProperty("text", title);
        axis.SetProperty("title", t);
        axis.SetProperty("automargin", true);
        return axis;
    }
}
