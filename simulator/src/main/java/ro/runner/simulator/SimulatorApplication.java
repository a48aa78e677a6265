package ro.runner.simulator;

import jakarta.ws.rs.ApplicationPath;
import jakarta.ws.rs.core.Application;

/** The eMAG routes live under {@code /api-3}, the simulator's own controls under {@code /admin}. */
@ApplicationPath("/")
public class SimulatorApplication extends Application {}
