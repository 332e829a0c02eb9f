using CollabInsights.Benchmarks;
using CollabInsights.Fit;

namespace CollabInsights.Kit;

/// <summary>The blockchain fit assessment of <see cref="CollabKit.Fit"/>.</summary>
public sealed class FitCatalog
{
    internal FitCatalog()
    {
    }

    /// <summary>
    /// Walks the published decision frameworks with <paramref name="answers"/>, checks <paramref name="requirements"/>
    /// against the <paramref name="measured"/> benchmark run, and recommends (<see cref="FitAssessment.Assess"/>); every
    /// reason cites its framework step or measured number.
    /// </summary>
    /// <example><code>var advice = kit.Fit.Assess(answers, requirements, run); display(advice.Reasons);</code></example>
    public FitRecommendation Assess(FitAnswers answers, FitRequirements? requirements = null, BenchmarkRun? measured = null) => FitAssessment.Assess(answers, requirements, measured);
}
