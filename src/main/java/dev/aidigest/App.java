package dev.aidigest;

/** CLI entry point (picocli commands are being built; see README). */
public final class App {
  private App() {}

  public static void main(String[] args) {
    System.err.println("ai-digest: under construction");
  }
}
