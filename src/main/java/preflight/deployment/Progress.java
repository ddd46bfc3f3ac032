package preflight.deployment;

public record Progress(int done, int total) {

    public int percent() {
        return total == 0 ? 100 : done * 100 / total;
    }
}
