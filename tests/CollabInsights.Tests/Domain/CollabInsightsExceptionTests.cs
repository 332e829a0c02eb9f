namespace CollabInsights.Tests.Domain;

public class CollabInsightsExceptionTests
{
    [Fact]
    public void An_error_made_with_a_message_only_is_unclassified_and_names_no_parameter()
    {
        var error = new CollabInsightsException("something was wrong");
        Assert.Equal(CollabInsightsErrorCode.Unspecified, error.Code);
        Assert.Null(error.ParameterName);
    }

    [Fact]
    public void An_error_keeps_its_code_parameter_and_cause()
    {
        var cause = new IOException("disk");
        var error = new CollabInsightsException(CollabInsightsErrorCode.InvalidArgument, "ToBlock is before FromBlock.", cause, "ExtractionOptions.ToBlock");
        Assert.Equal(CollabInsightsErrorCode.InvalidArgument, error.Code);
        Assert.Equal("ExtractionOptions.ToBlock", error.ParameterName);
        Assert.Same(cause, error.InnerException);
        Assert.Equal("InvalidArgument", error.Code.ToString());
    }
}
